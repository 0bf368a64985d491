namespace ShopSync.Queue.Controls;

/// <summary>One action on the entries named by <see cref="Ids"/>, or on every entry <see cref="Filter"/> matches.</summary>
public sealed record BulkUpdateRequest
{
    public required BulkJobAction Action { get; init; }

    /// <summary>The entries (1..1000); null when <see cref="Filter"/> selects.</summary>
    public IReadOnlyList<Guid>? Ids { get; init; }

    /// <summary>The filter (its paging fields are ignored); null when <see cref="Ids"/> selects.</summary>
    public JobQuery? Filter { get; init; }

    /// <summary>Only entries of these shops (the caller's scope; others count as missing); null: every shop.</summary>
    public IReadOnlyCollection<string>? Shops { get; init; }

    /// <summary>Count only.</summary>
    public bool DryRun { get; init; }

    /// <summary>When above 0, the number of entries the selection must match, else nothing changes.</summary>
    public int ExpectedCount { get; init; }
}
