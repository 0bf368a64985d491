namespace ShopSync.Queue.Controls;

/// <summary>Which categories the overview covers and its throughput window.</summary>
public sealed record CategoryQuery
{
    /// <summary>The window's default length in minutes.</summary>
    public const int DefaultMinutes = 15;

    /// <summary>The window's longest length in minutes (a day).</summary>
    public const int MaxMinutes = 1440;

    /// <summary>Only this shop's entries; null: every shop the scope allows.</summary>
    public string? ShopCode { get; init; }

    /// <summary>Only these shops (the caller's scope); null: every shop.</summary>
    public IReadOnlyCollection<string>? Shops { get; init; }

    /// <summary>1..1440 minutes; 0: 15.</summary>
    public int ThroughputMinutes { get; init; }
}
