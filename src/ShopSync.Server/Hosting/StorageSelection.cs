using Npgsql;

namespace ShopSync.Server.Hosting;

/// <summary>
/// Where the data lives. <c>--db FILE</c> (the default, shopsync.db): everything in one SQLite file.
/// <c>--postgres "CONNECTION"</c> (or <c>ConnectionStrings:ShopSyncPostgres</c>): everything on PostgreSQL, shared by
/// every node on the database, and no SQLite file is opened.
/// </summary>
/// <param name="SqliteConnectionString">The SQLite database (with <c>--postgres</c> only the default folder of paths derived from it).</param>
/// <param name="PostgresConnectionString">The PostgreSQL database, or null for SQLite.</param>
internal sealed record StorageSelection(string SqliteConnectionString, string? PostgresConnectionString)
{
    public const string PostgresConnectionName = "ShopSyncPostgres";

    public const string BothGiven =
        "--db and --postgres exclude each other: --db FILE keeps the data in SQLite, --postgres \"CONNECTION\" puts it in PostgreSQL; give one.";

    public static StorageSelection Resolve(IConfiguration configuration)
    {
        var postgres = configuration.GetConnectionString(PostgresConnectionName);
        if (string.IsNullOrWhiteSpace(postgres))
        {
            return new StorageSelection(ServerCommandLine.ResolveConnectionString(configuration), null);
        }

        if (!string.IsNullOrWhiteSpace(configuration["Storage:DatabaseFile"]))
        {
            throw new UsageException(BothGiven);
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(postgres);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--postgres (ConnectionStrings:{PostgresConnectionName}) is not an Npgsql connection string: {e.Message}");
        }

        return new StorageSelection(ServerCommandLine.ResolveConnectionString(configuration), postgres);
    }
}
