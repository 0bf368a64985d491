using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Controls;

/// <summary>One category of the overview: what runs, what waits behind it, the counts and the recent throughput.</summary>
public sealed record CategoryOverview
{
    public required string CategoryCode { get; init; }

    /// <summary>The entry In Process, with its last progress; null when none runs.</summary>
    public Job? Running { get; init; }

    /// <summary>Ready or Waiting entries that are due (their earliest start has come).</summary>
    public int Waiting { get; init; }

    public int Ready { get; init; }

    public int OnHold { get; init; }

    public int Error { get; init; }

    /// <summary>The due entry that has waited longest (earliest start, then entry no.); null when none waits.</summary>
    public Job? OldestWaiting { get; init; }

    /// <summary>Runs ended per minute over the window, oldest minute first (one element per minute).</summary>
    public required IReadOnlyList<int> FinishedPerMinute { get; init; }
}
