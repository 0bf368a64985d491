using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;
using ShopSync.Storage.Postgres.Migrations;

namespace ShopSync.Storage.Postgres.DataProtection;

/// <summary>
/// The Data Protection key ring in PostgreSQL (<c>data_protection_key_ring</c>), so every node on the database
/// encrypts and decrypts with the same keys: a secret protected on one node unprotects on another. The elements are
/// as Data Protection writes them (encrypted at rest when a key encryption certificate is configured).
/// <see cref="IXmlRepository"/> is synchronous, so are these calls.
/// </summary>
public sealed class PostgresXmlRepository : IXmlRepository
{
    private readonly NpgsqlDataSource _dataSource;

    internal PostgresXmlRepository(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    /// <summary>Creates or migrates the table under the migrations' advisory lock (idempotent).</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        PostgresMigrator.MigrateAsync(_dataSource, KeyRingSchema.HistoryTable, KeyRingSchema.Migrations, cancellationToken);

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_key_ring ORDER BY id", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = _dataSource.OpenConnection();
        using var command = Pg.Command(
            connection,
            null,
            "INSERT INTO data_protection_key_ring (friendly_name, xml) VALUES ($1, $2) ON CONFLICT (friendly_name) DO UPDATE SET xml = excluded.xml",
            string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString() : friendlyName,
            element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
