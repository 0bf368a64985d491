using Grpc.Core;

namespace ShopSync.Testing.Grpc;

/// <summary>Per-call options of <see cref="TestChannel"/>; the earlier of <see cref="Deadline"/> and now + <see cref="Timeout"/> wins.</summary>
public readonly record struct TestCallOptions
{
    public Metadata? Headers { get; init; }

    public DateTimeOffset? Deadline { get; init; }

    public TimeSpan? Timeout { get; init; }

    public CancellationToken CancellationToken { get; init; }

    /// <summary>Compression of the request message ("gzip"), sent as grpc-internal-encoding-request.</summary>
    public string? WriteCompression { get; init; }

    internal CallOptions ToCallOptions()
    {
        DateTimeOffset? deadline = Timeout is { } t ? TimeProvider.System.GetUtcNow() + t : null;
        if (Deadline is { } d && (deadline is null || d < deadline))
        {
            deadline = d;
        }
        var headers = Headers;
        if (WriteCompression is { } compression)
        {
            headers = new Metadata();
            foreach (var entry in Headers ?? [])
            {
                headers.Add(entry);
            }
            headers.Add("grpc-internal-encoding-request", compression);
        }
        return new CallOptions(headers, deadline?.UtcDateTime, CancellationToken);
    }
}
