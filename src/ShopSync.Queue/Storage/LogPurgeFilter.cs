namespace ShopSync.Queue.Storage;

/// <summary>
/// Which log entries a purge batch may delete: finished runs that ended before <see cref="EndedBefore"/>. Drivers keep,
/// whatever their age, what task health still reads: per (shop, task) the newest successful run, the newest failed
/// run and every run after the newest success (so last success, last failure, consecutive failures and failing now
/// stay exact), and every unfinished run.
/// </summary>
/// <param name="EndedBefore">Runs that ended before this time.</param>
/// <param name="ShopCode">Only this shop; null: every shop.</param>
/// <param name="Marks">What task health needs, from <c>IJobStore.ReadLogRetentionMarksAsync</c> (read once per purge).</param>
public sealed record LogPurgeFilter(DateTimeOffset EndedBefore, string? ShopCode, LogRetentionMarks Marks);
