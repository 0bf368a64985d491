namespace ShopSync.Queue.Handlers;

/// <summary>What a report handler runs and how its entries retry by default.</summary>
public sealed record ReportDefinition
{
    /// <summary>The report (task) id, e.g. 30104.</summary>
    public required int ReportId { get; init; }

    /// <summary>Display name, e.g. "Sync Orders from Shopify".</summary>
    public required string Name { get; init; }

    /// <summary>Short names a CLI accepts, e.g. "orders".</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>What the task does.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Max attempts (runs in total) when the enqueue request does not say; 0..10.</summary>
    public int DefaultMaxAttempts { get; init; } = 3;

    /// <summary>Rerun delay when the enqueue request does not say.</summary>
    public TimeSpan DefaultRerunDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Extra growing wait between attempts.</summary>
    public RetryBackoff Backoff { get; init; } = RetryBackoff.Default;

    /// <summary>True when an entry must name a shop (every Shopify task): enqueue refuses one without <c>shop_code</c>.</summary>
    public bool RequiresShop { get; init; }
}
