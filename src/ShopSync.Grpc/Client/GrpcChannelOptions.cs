using System.Net.Security;
using Microsoft.Extensions.Logging;

namespace ShopSync.Grpc.Client;

/// <summary>Options of a <see cref="GrpcChannel"/>.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>
    /// The HTTP handler; null = a <see cref="System.Net.Http.SocketsHttpHandler"/> with HTTP/2 multiple connections
    /// (so more than 100 concurrent calls do not queue behind one connection) and keep-alive pings.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Whether disposing the channel disposes <see cref="HttpHandler"/> (the default handler is always disposed).</summary>
    public bool DisposeHttpHandler { get; set; }

    /// <summary>TLS options of the default handler (client certificates, a custom server certificate check).</summary>
    public SslClientAuthenticationOptions? SslOptions { get; set; }

    /// <summary>Largest response message accepted, in bytes (default 4 MiB). Larger → RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest request message sent, in bytes; null = no limit. Larger → RESOURCE_EXHAUSTED.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Logging; null = none.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock for deadlines.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
