namespace ShopSync.Grpc.Client;

/// <summary>Per-call options. <c>default</c> = no metadata, no deadline, no cancellation, no compression.</summary>
public readonly record struct CallOptions
{
    /// <summary>Request metadata (custom headers; <c>-bin</c> keys carry bytes).</summary>
    public Metadata? Headers { get; init; }

    /// <summary>Absolute deadline. When both are set, the earlier of <see cref="Deadline"/> and now + <see cref="Timeout"/> wins.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Relative deadline, measured from the start of the call.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Cancels the call (the client sends RST_STREAM CANCEL; the call fails with CANCELLED).</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Compression of the request message: "gzip", "deflate" or null.</summary>
    public string? WriteCompression { get; init; }
}
