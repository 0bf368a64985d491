using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Controls;

/// <summary>
/// A purge by hand or by the retention sweep (like the ERP's "Delete Job Queue Log Entries"). Entries that a schedule
/// still references always stay.
/// </summary>
public sealed record JobPurgeRequest
{
    /// <summary>Entries that ended more than this long ago (must be positive).</summary>
    public required TimeSpan OlderThan { get; init; }

    /// <summary>Finished and/or Error (empty: Finished only). Other statuses are rejected: they are not done.</summary>
    public IReadOnlyList<JobStatus> Statuses { get; init; } = [];

    /// <summary>Only this shop; null or empty: every shop.</summary>
    public string? ShopCode { get; init; }

    /// <summary>Count what would be deleted, delete nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Stop after this long even if more would match (the next purge goes on); null: until done.</summary>
    public TimeSpan? MaxDuration { get; init; }
}
