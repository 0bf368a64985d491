namespace ShopSync.Queue.Recurrence;

/// <summary>What follows a finished run of a recurring entry.</summary>
/// <param name="RunNow">An occurrence that fell while the run was in process and is to run right away
/// (<see cref="RecurrenceOverlap.BufferOne"/>, fixed rate only); null otherwise.</param>
/// <param name="Next">The next occurrence strictly after the completion; null when the schedule has expired.</param>
public sealed record RunFollowUp(DateTimeOffset? RunNow, DateTimeOffset? Next);
