using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Storage;

/// <summary>A progress report of a running entry.</summary>
/// <param name="JobId">The entry.</param>
/// <param name="FencingToken">The run's token.</param>
/// <param name="Progress">The progress.</param>
/// <param name="Time">When it was reported.</param>
public sealed record ProgressWrite(Guid JobId, long FencingToken, JobProgress Progress, DateTimeOffset Time);
