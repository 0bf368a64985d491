using ShopSync.Queue.Events;

namespace ShopSync.Queue.Storage;

/// <summary>A store operation's value and the events it wrote (to broadcast).</summary>
/// <param name="Value">The value.</param>
/// <param name="Events">Events written, ascending per entry.</param>
public sealed record StoreResult<T>(T Value, IReadOnlyList<QueueEvent> Events);
