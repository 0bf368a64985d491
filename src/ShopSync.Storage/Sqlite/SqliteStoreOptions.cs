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

    /// <summary>
    /// WAL size in pages (4 KB) at which a commit checkpoints it into the database file (SQLite's
    /// <c>wal_autocheckpoint</c>; its own default is 1000). At least 1.
    /// </summary>
    public int WalAutoCheckpointPages { get; set; } = 1000;
}
