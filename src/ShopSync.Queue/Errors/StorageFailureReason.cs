namespace ShopSync.Queue.Errors;

/// <summary>Why the database could not be used; provider-neutral, set by each store driver.</summary>
public enum StorageFailureReason
{
    /// <summary>Another process or connection holds the database lock past the busy timeout.</summary>
    Busy,

    /// <summary>The disk (or the database's size limit) is full.</summary>
    DiskFull,

    /// <summary>The operating system reported an I/O error reading or writing the database.</summary>
    IoError,

    /// <summary>The database or its folder cannot be written (permissions, read-only mount).</summary>
    ReadOnly,

    /// <summary>The database file cannot be opened or created (missing folder, permissions).</summary>
    CannotOpen,

    /// <summary>The file is not a database of this kind, or it is malformed.</summary>
    Corrupt,
}
