using ShopSync.Queue.Events;

namespace ShopSync.Storage.Sqlite;

/// <summary>An event row the current write operation appended; it is inserted when the operation's work returns.</summary>
internal readonly record struct PendingEvent(Guid JobId, long Sequence, long Time, JobEventData Data);
