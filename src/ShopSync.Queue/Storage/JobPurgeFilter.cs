using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Storage;

/// <summary>Which entries a purge batch may delete: ended before <see cref="EndedBefore"/>, in one of the statuses.</summary>
/// <param name="EndedBefore">Entries whose last run ended (or that last changed, if they never ran) before this time.</param>
/// <param name="Statuses">Terminal statuses only: Finished and/or Error.</param>
/// <param name="ShopCode">Only this shop; null: every shop.</param>
/// <param name="Keep">Entries that stay whatever their age (e.g. those a schedule still references).</param>
public sealed record JobPurgeFilter(
    DateTimeOffset EndedBefore,
    IReadOnlyList<JobStatus> Statuses,
    string? ShopCode,
    IReadOnlySet<Guid> Keep);
