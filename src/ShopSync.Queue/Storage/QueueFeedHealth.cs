namespace ShopSync.Queue.Storage;

/// <summary>The state of a node's change feed.</summary>
/// <param name="Listening">True while the feed's connection listens; false while it reconnects and polls instead.</param>
/// <param name="Description">What it does, for the health check.</param>
public sealed record QueueFeedHealth(bool Listening, string Description);
