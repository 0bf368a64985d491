using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Controls;

/// <summary>One page of log entries.</summary>
/// <param name="Entries">The log entries, newest first.</param>
/// <param name="NextPageToken">Opaque token for the next page; empty at the end.</param>
public sealed record JobLogPage(IReadOnlyList<JobLogEntry> Entries, string NextPageToken);
