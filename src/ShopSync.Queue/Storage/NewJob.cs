using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Storage;

/// <summary>A validated entry to insert. The store ignores <see cref="Job.EntryNo"/> and assigns its own.</summary>
/// <param name="Job">The entry with every field resolved (status Ready or On Hold).</param>
/// <param name="Foreground">Recorded in the accepted event.</param>
public sealed record NewJob(Job Job, bool Foreground);
