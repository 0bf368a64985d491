using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Controls;

/// <summary>One page of entries.</summary>
/// <param name="Jobs">The entries.</param>
/// <param name="NextPageToken">Opaque token for the next page; empty at the end.</param>
public sealed record JobPage(IReadOnlyList<Job> Jobs, string NextPageToken);
