namespace ShopSync.Grpc.Server;

/// <summary>Options of the gRPC server (<c>services.AddShopSyncGrpc(o => ...)</c>).</summary>
public sealed class GrpcServerOptions
{
    /// <summary>Largest request message accepted (after decompression), in bytes; default 4 MiB. Larger → RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest response message sent, in bytes; null = no limit. Larger → RESOURCE_EXHAUSTED.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Compression of response messages ("gzip", "deflate"), used when the client accepts it; null = none.</summary>
    public string? ResponseCompression { get; set; }

    /// <summary>When true, a handler exception's message is sent to the client (never in production).</summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>
    /// The clock call deadlines run on; default the real clock. A client's grpc-timeout is a real-time budget, so it
    /// is not measured on the application's <see cref="TimeProvider"/> when that one runs faster (an accelerated
    /// demo clock would otherwise cut a 30 s deadline to half a second).
    /// </summary>
    public TimeProvider DeadlineClock { get; set; } = TimeProvider.System;

    /// <summary>Interceptors wrapping every call, outermost first.</summary>
    public GrpcInterceptorCollection Interceptors { get; } = new();
}
