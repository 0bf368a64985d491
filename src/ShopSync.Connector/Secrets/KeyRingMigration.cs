using System.Xml.Linq;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopSync.Connector.Persistence;

namespace ShopSync.Connector.Secrets;

/// <summary>
/// Earlier versions kept the key ring in the database's <c>data_protection_keys</c> table. On start its keys move to
/// the key folder (so existing shops' secrets still decrypt) and the rows are deleted with SQLite's secure_delete, so
/// the master keys do not linger in the file's free pages.
/// </summary>
public static partial class KeyRingMigration
{
    /// <summary>Moves every key still in the database to the key folder; call after the connector's migrations.</summary>
    public static async Task MoveKeyRingOutOfDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var repository = services.GetRequiredService<OwnerOnlyXmlRepository>();
        var contexts = services.GetRequiredService<IDbContextFactory<ConnectorDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.DataProtectionKeys.AsNoTracking().ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return;
        }
        foreach (var row in rows)
        {
            if (row.Xml is null || row.FriendlyName is null || repository.Contains(row.FriendlyName))
            {
                continue;
            }
            repository.StoreElement(XElement.Parse(row.Xml), row.FriendlyName);
        }
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA secure_delete=ON; DELETE FROM data_protection_keys; PRAGMA secure_delete=OFF;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KeyRingMigration).FullName!);
        LogKeyRingMoved(logger, rows.Count, repository.Directory);
    }

    [LoggerMessage(EventId = 6300, EventName = "KeyRingMoved", Level = LogLevel.Warning,
        Message = "Moved {Count} Data Protection keys out of the database into {Directory} (owner-only); rotate the keys if copies of the database were ever shared")]
    private static partial void LogKeyRingMoved(ILogger logger, int count, string directory);
}
