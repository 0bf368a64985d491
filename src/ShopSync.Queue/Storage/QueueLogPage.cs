using ShopSync.Queue.Events;

namespace ShopSync.Queue.Storage;

/// <summary>One read of the <see cref="IQueueEventLog"/>.</summary>
/// <param name="Events">The events, in log order.</param>
/// <param name="Next">Where the next read starts (past the last event, or past everything known to be complete).</param>
public sealed record QueueLogPage(IReadOnlyList<LoggedQueueEvent> Events, string Next);
