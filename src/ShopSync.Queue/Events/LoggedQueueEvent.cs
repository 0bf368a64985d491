namespace ShopSync.Queue.Events;

/// <summary>A queue event with its position in the queue-wide log (a watch resumes after it).</summary>
/// <param name="Item">The event and its entry's attributes.</param>
/// <param name="Position">The opaque log position of the event.</param>
public sealed record LoggedQueueEvent(QueueEvent Item, string Position);
