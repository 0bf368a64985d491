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
    /// SQLite page cache of the writer connection in MB (PRAGMA cache_size), 1–1024. It holds the hot pages of the
    /// inserts, claims and completions (table tail, index pages of busy categories); the rest of the file is read
    /// through the OS page cache. The cache fills up and stays resident, so it counts fully in the server's RSS; 8 MB
    /// (was 16) did not slow the bulk enqueue and halved what the cache adds to the RSS.
    /// </summary>
    public int WriterCacheMegabytes { get; set; } = 8;

    /// <summary>
    /// WAL size in pages (4 KB) at which a commit checkpoints it into the database file (SQLite's
    /// <c>wal_autocheckpoint</c>; its own default is 1000). At least 1.
    /// </summary>
    public int WalAutoCheckpointPages { get; set; } = 1000;

    /// <summary>
    /// Seconds a statement waits for a lock another connection or process holds before it fails with a
    /// storage-unavailable (Busy) error, at least 1. Default 30. Bounds how long a caller waits on a locked database.
    /// </summary>
    public int BusyTimeoutSeconds { get; set; } = 30;
}
