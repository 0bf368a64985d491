namespace ShopSync.Queue.Recurrence;

/// <summary>What happens to occurrences missed while nothing could run them (server down, entry paused).</summary>
public enum RecurrenceCatchUp
{
    /// <summary>Missed occurrences are dropped; the first future occurrence runs.</summary>
    Skip = 0,

    /// <summary>One run now stands for all missed occurrences.</summary>
    Once = 1,

    /// <summary>Each missed occurrence runs, at most <see cref="RecurrenceSchedule.CatchUpLimit"/> of them (the latest).</summary>
    All = 2,
}
