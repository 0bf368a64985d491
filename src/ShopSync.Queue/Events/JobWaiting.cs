namespace ShopSync.Queue.Events;

/// <summary>The entry is due but its category is busy.</summary>
public sealed record JobWaiting(Guid? BlockingJobId, string CategoryCode) : JobEventData;
