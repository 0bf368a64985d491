namespace ShopSync.Server.Hosting;

/// <summary>Limits of the gRPC endpoints (configuration section <c>Grpc</c>, e.g. <c>--Grpc:MaxReceiveMessageSize=8388608</c>).</summary>
internal sealed class GrpcHostingOptions
{
    public const string SectionName = "Grpc";

    /// <summary>Largest request message accepted (after decompression); larger → RESOURCE_EXHAUSTED. Default 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest response message sent; larger → RESOURCE_EXHAUSTED. Default 16 MiB (a full page of 1,000 jobs is ~1 MB).</summary>
    public int MaxSendMessageSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Compression of response messages when the client accepts it ("gzip"); empty = none (the default: the
    /// messages are small and CPU is the scarcer resource). Compressed requests are always accepted.
    /// </summary>
    public string ResponseCompression { get; set; } = "";

    /// <summary>Concurrent calls per HTTP/2 connection (Kestrel's default 100); more wait for a free stream.</summary>
    public int MaxStreamsPerConnection { get; set; } = 100;

    /// <summary>Kestrel pings an idle HTTP/2 connection after this long, so dead peers of long watches are noticed.</summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A connection whose ping is not answered within this is closed.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
