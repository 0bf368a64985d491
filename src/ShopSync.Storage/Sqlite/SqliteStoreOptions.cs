namespace ShopSync.Storage.Sqlite;

/// <summary>Settings of the SQLite job store.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>ADO.NET connection string, e.g. <c>Data Source=shopsync.db</c>.</summary>
    public string ConnectionString { get; set; } = "Data Source=shopsync.db";

    /// <summary>Durability of commits; see <see cref="SqliteSynchronousMode"/>. Default Full (durable against power loss).</summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Full;

    /// <summary>Most operations the writer commits in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 512;
}
