using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Dispatching;

/// <summary>Hands what the change feed brings from other nodes to this node's dispatcher and watchers.</summary>
internal sealed class FeedBridge(Dispatcher dispatcher, JobEventHub hub) : IQueueFeedSink
{
    public bool WantsEvents(Guid jobId) => hub.Wants(jobId);

    public void OnEvents(IReadOnlyList<QueueEvent> events) => hub.PublishRemote(events);

    public void OnWork(IReadOnlyList<FeedWork> work) => dispatcher.NotifyRemote(work);

    public void OnCancel(Guid jobId) => dispatcher.CancelRemote(jobId);

    public Task RescanAsync(CancellationToken cancellationToken) => dispatcher.RescanAsync(cancellationToken);
}
