namespace ShopSync.Queue.Scheduling;

/// <summary>Settings of the schedule runner (configuration section <c>Scheduler</c>).</summary>
public sealed class SchedulerOptions
{
    /// <summary>The configuration section the host binds.</summary>
    public const string SectionName = "Scheduler";

    /// <summary>
    /// While nothing is due the runner reads the database at most this often (it also wakes at once when a schedule
    /// changes on this node); the poll picks up schedules changed through other nodes.
    /// </summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// An occurrence found due later than this (the server was down, or the schedule was paused) counts as missed and
    /// follows the catch-up policy; a later one is an ordinary, slightly late run.
    /// </summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Occurrences are queued up to this long before they are due, with <c>EarliestStart</c> = the occurrence: the
    /// dispatcher's own timer then starts them on time, whatever a runner pass costs. A schedule whose earlier
    /// occurrence entry is still queued or running is left to its due time (the overlap policy is decided then).
    /// Zero queues every occurrence at its due time. Half a second off whole seconds on purpose: the passes then fall
    /// between cron occurrences (whole seconds) instead of onto the dispatcher's start of the previous second's runs.
    /// </summary>
    public TimeSpan LeadTime { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// Ended occurrence entries are settled at most this often, in one transaction. Each settle takes the database's
    /// write lock, which the queue's own writer (claims, completions) then has to wait for; one short transaction per
    /// interval instead of one per completion keeps a burst of starts free of it. Zero settles at once.
    /// </summary>
    public TimeSpan SettleInterval { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>At most this many due schedules are handled per pass.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Run the runner (hosted service); off for nodes that only serve the API.</summary>
    public bool Enabled { get; set; } = true;
}
