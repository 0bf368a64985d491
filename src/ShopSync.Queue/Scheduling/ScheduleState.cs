namespace ShopSync.Queue.Scheduling;

/// <summary>Whether a schedule recurs. Shown as a job status: Active = Ready, OnHold = On Hold, Error = Error.</summary>
public enum ScheduleState
{
    /// <summary>Occurrences are queued when due.</summary>
    Active = 1,

    /// <summary>Paused by an operator: no new occurrences.</summary>
    OnHold = 2,

    /// <summary>An occurrence failed after its last attempt (failure policy Stop): no new occurrences until resumed.</summary>
    Error = 3,
}
