using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Postgres.Feed;

/// <summary>What one node's doorbell announces: events it wrote, work it queued, cancels it recorded.</summary>
internal sealed class FeedMessage
{
    public string Sender { get; init; } = string.Empty;

    public List<FeedEventRange> Events { get; } = [];

    public List<FeedWork> Work { get; } = [];

    public List<Guid> Cancels { get; } = [];

    public bool IsEmpty => Events.Count == 0 && Work.Count == 0 && Cancels.Count == 0;
}
