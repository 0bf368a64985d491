namespace ShopSync.Queue.Events;

/// <summary>A run failed and the entry will be retried at <see cref="RetryAt"/>.</summary>
public sealed record JobAttemptFailed(int Attempt, int MaxAttempts, string ErrorMessage, DateTimeOffset RetryAt) : JobEventData;
