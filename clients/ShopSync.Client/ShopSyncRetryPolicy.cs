namespace ShopSync.Client;

/// <summary>
/// Retries of idempotent calls on UNAVAILABLE (the server restarting, a dropped connection), and of EnqueueJob and
/// EnqueueJobs, which carry a request_id the server deduplicates. Other calls that create something (CreateShop,
/// ScheduleRecurring) and controls are never retried: a lost answer does not mean the server did nothing.
/// </summary>
public sealed record ShopSyncRetryPolicy
{
    /// <summary>Attempts in total, the first included (1 = no retries).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The pause before the first retry.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest pause between attempts.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Each pause is the previous one times this.</summary>
    public double BackoffMultiplier { get; init; } = 2;

    /// <summary>No retries at all.</summary>
    public static ShopSyncRetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>The pause after failed attempt <paramref name="attempt"/> (1-based), without jitter.</summary>
    public TimeSpan BackoffAfter(int attempt)
    {
        var ms = InitialBackoff.TotalMilliseconds * Math.Pow(BackoffMultiplier, Math.Max(0, attempt - 1));
        return TimeSpan.FromMilliseconds(Math.Min(ms, MaxBackoff.TotalMilliseconds));
    }
}
