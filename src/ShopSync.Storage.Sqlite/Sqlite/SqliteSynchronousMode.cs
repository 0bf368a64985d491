namespace ShopSync.Storage.Sqlite;

/// <summary>SQLite's <c>PRAGMA synchronous</c> for the queue's write connection (WAL mode).</summary>
public enum SqliteSynchronousMode
{
    /// <summary>
    /// WAL + NORMAL: a commit is not fsynced; the WAL is fsynced at checkpoints. Survives a process crash or kill
    /// (what a server restart is); on power loss or OS crash the last commits may be lost (never corruption).
    /// </summary>
    Normal = 1,

    /// <summary>WAL + FULL: every commit (one per group-committed batch) is fsynced. Survives power loss.</summary>
    Full = 2,
}
