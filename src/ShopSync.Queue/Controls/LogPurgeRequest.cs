namespace ShopSync.Queue.Controls;

/// <summary>A purge of run log entries; see <see cref="Storage.LogPurgeFilter"/> for what always stays.</summary>
public sealed record LogPurgeRequest
{
    /// <summary>Runs that ended more than this long ago (must be positive).</summary>
    public required TimeSpan OlderThan { get; init; }

    /// <summary>Only this shop; null or empty: every shop.</summary>
    public string? ShopCode { get; init; }

    /// <summary>Count what would be deleted, delete nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Stop after this long even if more would match; null: until done.</summary>
    public TimeSpan? MaxDuration { get; init; }
}
