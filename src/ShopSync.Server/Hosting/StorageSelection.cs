using Npgsql;

namespace ShopSync.Server.Hosting;

/// <summary>
/// Where the data lives. <c>--db FILE</c> (the default, shopsync.db): everything in one SQLite file.
/// <c>--postgres "CONNECTION"</c> (or <c>ConnectionStrings:ShopSyncPostgres</c>): the job queue (entries, events,
/// run log, task health) on PostgreSQL; the schedules, the connector's data and the Data Protection keys are not on
/// PostgreSQL yet and stay in the SQLite file (shopsync.db in the working directory, or
/// <c>ConnectionStrings:ShopSync</c>). The start-up log says so.
/// </summary>
/// <param name="SqliteConnectionString">The SQLite database of everything not on PostgreSQL.</param>
/// <param name="PostgresConnectionString">The job queue's PostgreSQL database, or null for SQLite.</param>
internal sealed record StorageSelection(string SqliteConnectionString, string? PostgresConnectionString)
{
    public const string PostgresConnectionName = "ShopSyncPostgres";

    public const string BothGiven =
        "--db and --postgres exclude each other: --db FILE keeps the job queue in SQLite, --postgres \"CONNECTION\" puts it in PostgreSQL; give one.";

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
