namespace ShopSync.Queue.Entries;

/// <summary>The result of one run. Values match <c>shopsync.v1.JobResult</c>.</summary>
public enum JobResult
{
    /// <summary>No result yet (the run is in process, or the entry never ran).</summary>
    None = 0,

    /// <summary>The handler succeeded.</summary>
    Succeeded = 1,

    /// <summary>The handler succeeded but skipped records.</summary>
    SucceededWithWarnings = 2,

    /// <summary>The handler failed (exception, failed outcome or lost lease).</summary>
    Failed = 3,

    /// <summary>The entry was cancelled.</summary>
    Cancelled = 4,

    /// <summary>The run exceeded the entry's job timeout.</summary>
    TimedOut = 5,

    /// <summary>The entry passed its expiration before it could run.</summary>
    Expired = 6,
}
