using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Scheduling;

/// <summary>An occurrence's entry ended (or disappeared): what the schedule records about it.</summary>
/// <param name="Occurrence">The pending occurrence that ended.</param>
/// <param name="EndedAt">When the entry's run ended (null when unknown, e.g. the entry was deleted).</param>
/// <param name="Result">The entry's last result.</param>
/// <param name="StopSchedule">The entry ended in Error and the failure policy is Stop: an Active schedule goes to Error.</param>
/// <param name="NextOccurrence">Fixed delay: the next occurrence, set when the schedule is Active and waiting for this run.</param>
public sealed record ScheduleSettlement(
    PendingOccurrence Occurrence,
    DateTimeOffset? EndedAt,
    JobResult Result,
    bool StopSchedule,
    DateTimeOffset? NextOccurrence);
