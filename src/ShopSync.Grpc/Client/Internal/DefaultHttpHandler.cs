namespace ShopSync.Grpc.Client.Internal;

/// <summary>The default transport: SocketsHttpHandler tuned for gRPC.</summary>
internal static class DefaultHttpHandler
{
    public static HttpMessageHandler Create(GrpcChannelOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            // One HTTP/2 connection carries at most ~100 concurrent streams; open more instead of queueing calls.
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            UseCookies = false,
        };
        if (options.SslOptions is { } ssl)
        {
            handler.SslOptions = ssl;
        }
        return handler;
    }
}
