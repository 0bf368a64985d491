using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Controls;

/// <summary>The outcome of a cancel.</summary>
/// <param name="Job">The entry after the cancel (or as it is when the wait ran out).</param>
/// <param name="Stopped">False when a running handler had not stopped within the wait; the cancellation stays requested.</param>
public sealed record CancelResult(Job Job, bool Stopped);
