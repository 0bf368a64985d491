using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Events;

/// <summary>An operator (or the engine) changed the status outside a run.</summary>
public sealed record JobStatusChanged(JobStatus Status, string Reason) : JobEventData;
