using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Health;

/// <summary>Health of one report (task) of one shop, from the job log.</summary>
public sealed record TaskHealthRecord
{
    /// <summary>The report.</summary>
    public required int ReportId { get; init; }

    /// <summary>The description of the newest run.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>End of the newest run that succeeded (with or without warnings).</summary>
    public DateTimeOffset? LastSuccess { get; init; }

    /// <summary>End of the newest run that failed or timed out.</summary>
    public DateTimeOffset? LastFailure { get; init; }

    /// <summary>The error of that run.</summary>
    public string? LastFailureMessage { get; init; }

    /// <summary>Failed runs since the last success (cancelled and expired runs neither count nor reset).</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>The newest finished run failed.</summary>
    public bool FailingNow { get; init; }

    /// <summary>A run of this report is in process.</summary>
    public bool RunningNow { get; init; }

    /// <summary>The running entry.</summary>
    public Guid? RunningJobId { get; init; }

    /// <summary>Progress of the running entry (<see cref="JobProgress.None"/> when none runs).</summary>
    public JobProgress Progress { get; init; } = JobProgress.None;
}
