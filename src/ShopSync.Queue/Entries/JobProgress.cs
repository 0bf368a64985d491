namespace ShopSync.Queue.Entries;

/// <summary>The last progress a task reported.</summary>
/// <param name="Percent">0..100, or -1 when the task cannot tell how far it is.</param>
/// <param name="Message">A short human-readable status line.</param>
/// <param name="Counters">Record counters.</param>
public sealed record JobProgress(int Percent, string Message, JobCounters Counters)
{
    /// <summary>No progress reported yet.</summary>
    public static JobProgress None { get; } = new(-1, string.Empty, JobCounters.Zero);
}
