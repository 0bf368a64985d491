using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace ShopSync.Grpc.Server;

/// <summary>Per-call state a handler sees: metadata, deadline, cancellation, response trailers and status.</summary>
public abstract class ServerCallContext
{
    /// <summary>The method path, e.g. <c>/grpc.health.v1.Health/Check</c>.</summary>
    public abstract string Method { get; }

    /// <summary>The RPC's descriptor.</summary>
    public abstract MethodDescriptor MethodDescriptor { get; }

    /// <summary>The client's metadata (protocol headers such as <c>grpc-timeout</c> and <c>te</c> are left out).</summary>
    public abstract Metadata RequestHeaders { get; }

    /// <summary>Trailers sent with the status; add to it before the handler returns (or throws).</summary>
    public abstract Metadata ResponseTrailers { get; }

    /// <summary>The status sent when the handler returns normally (default OK). A thrown exception overrides it.</summary>
    public abstract Status Status { get; set; }

    /// <summary>Cancelled when the client cancels (RST_STREAM), disconnects or the deadline passes.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>The deadline from <c>grpc-timeout</c>, or null when the client set none.</summary>
    public abstract DateTimeOffset? Deadline { get; }

    /// <summary>The peer in gRPC form, e.g. <c>ipv4:127.0.0.1:51234</c>.</summary>
    public abstract string Peer { get; }

    /// <summary>The underlying ASP.NET Core request (authentication, connection info, services).</summary>
    public abstract HttpContext HttpContext { get; }

    /// <summary>Default options for response writes of this call; null = defaults.</summary>
    public abstract WriteOptions? WriteOptions { get; set; }

    /// <summary>
    /// The compression for response messages ("gzip", "deflate") or null. Starts as the server's configured
    /// <see cref="GrpcServerOptions.ResponseCompression"/> when the client accepts it; change it before the first write.
    /// Setting an algorithm the client did not list in <c>grpc-accept-encoding</c> leaves responses uncompressed.
    /// </summary>
    public abstract string? ResponseCompression { get; set; }

    /// <summary>Sends the response headers now (otherwise they go with the first message or the status).</summary>
    public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders, CancellationToken cancellationToken);
}
