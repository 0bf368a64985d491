using ShopSync.Queue.Events;

namespace ShopSync.Queue.Storage;

/// <summary>
/// The change feed between nodes that share one store: a doorbell, never the log. A node tells the others that it
/// queued work, wrote events or asked a run to stop; they read what changed from the store. Single-node stores
/// (SQLite) register none, and the engine then keeps to its in-process paths.
/// </summary>
public interface IQueueFeed
{
    /// <summary>Connects the engine of this node; called once, before the feed delivers anything.</summary>
    void Attach(IQueueFeedSink sink);

    /// <summary>This node queued (or made Ready) an entry of <paramref name="categoryCode"/>, due at <paramref name="due"/>.</summary>
    void WorkQueued(string categoryCode, DateTimeOffset due);

    /// <summary>This node persisted these events (and published them locally).</summary>
    void EventsWritten(IReadOnlyList<QueueEvent> events);

    /// <summary>A cancel was recorded for a running entry that does not run on this node.</summary>
    void CancelRequested(Guid jobId);

    /// <summary>Whether the feed listens, or other nodes' changes are only polled for.</summary>
    QueueFeedHealth Health { get; }
}
