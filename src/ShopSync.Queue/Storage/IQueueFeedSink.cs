using ShopSync.Queue.Events;

namespace ShopSync.Queue.Storage;

/// <summary>What a <see cref="IQueueFeed"/> delivers to the engine of its node (the engine implements it).</summary>
public interface IQueueFeedSink
{
    /// <summary>True when a watcher on this node would receive events of <paramref name="jobId"/> (the feed reads only those).</summary>
    bool WantsEvents(Guid jobId);

    /// <summary>Events another node wrote, read from the store, in the order of each entry's sequence.</summary>
    void OnEvents(IReadOnlyList<QueueEvent> events);

    /// <summary>Work another node queued.</summary>
    void OnWork(IReadOnlyList<FeedWork> work);

    /// <summary>A cancel another node recorded for an entry that may run here.</summary>
    void OnCancel(Guid jobId);

    /// <summary>
    /// The feed (re)connected, or polls because it cannot listen: look at the store's state again (queued
    /// categories, cancel requests of this node's runs, watched entries' events).
    /// </summary>
    Task RescanAsync(CancellationToken cancellationToken);
}
