using ShopSync.Queue.Events;

namespace ShopSync.Storage.Sqlite;

/// <summary>What the writer stored for a list of new entries, by position.</summary>
/// <param name="EntryNumbers">The entry number of each.</param>
/// <param name="Blocking">The running entry each one waits for (stored Waiting), or null.</param>
/// <param name="WaitingEvents">The waiting events written, in entry order.</param>
internal sealed record InsertedJobs(long[] EntryNumbers, Guid?[] Blocking, IReadOnlyList<QueueEvent> WaitingEvents);
