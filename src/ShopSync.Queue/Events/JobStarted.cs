namespace ShopSync.Queue.Events;

/// <summary>A run started.</summary>
public sealed record JobStarted(int Attempt, string Node) : JobEventData;
