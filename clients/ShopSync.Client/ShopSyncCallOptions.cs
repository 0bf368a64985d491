using Grpc.Core;

namespace ShopSync.Client;

/// <summary>Per-call options. A call without them uses the client's defaults.</summary>
public sealed record ShopSyncCallOptions
{
    /// <summary>Relative deadline of this call (for retried calls: of all attempts together).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Absolute deadline; when both are set the earlier wins.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Extra request headers of this call.</summary>
    public Metadata? Headers { get; init; }

    /// <summary>Overrides <see cref="ShopSyncClientOptions.User"/> for this call.</summary>
    public string? User { get; init; }
}
