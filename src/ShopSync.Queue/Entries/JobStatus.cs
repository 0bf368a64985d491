namespace ShopSync.Queue.Entries;

/// <summary>The status of a job queue entry. Values match <c>shopsync.v1.JobStatus</c>.</summary>
public enum JobStatus
{
    /// <summary>New or paused; the dispatcher ignores it.</summary>
    OnHold = 1,

    /// <summary>Runs when due and its category is free.</summary>
    Ready = 2,

    /// <summary>Due, but another entry of its category is In Process.</summary>
    Waiting = 3,

    /// <summary>A node holds the lease and runs the handler.</summary>
    InProcess = 4,

    /// <summary>Ran to an end (succeeded, cancelled or expired).</summary>
    Finished = 5,

    /// <summary>Failed with no attempts left.</summary>
    Error = 6,
}
