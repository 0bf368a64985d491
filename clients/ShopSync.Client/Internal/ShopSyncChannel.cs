using Grpc.Net.Client;

namespace ShopSync.Client.Internal;

/// <summary>Channel settings shared by <see cref="ShopSyncClient.Create(ShopSyncClientOptions)"/> and the client factory.</summary>
internal static class ShopSyncChannel
{
    public static void Configure(GrpcChannelOptions channel, ShopSyncClientOptions options)
    {
        channel.ServiceConfig = ShopSyncServiceConfig.Create(options.Retry);
        channel.MaxRetryAttempts = Math.Max(5, options.Retry.MaxAttempts);
        channel.LoggerFactory ??= options.LoggerFactory;
        // A restarted server is found again within seconds (grpc-dotnet's default backoff grows to 2 minutes, and
        // while it waits every call fails fast with UNAVAILABLE).
        channel.InitialReconnectBackoff = TimeSpan.FromMilliseconds(250);
        channel.MaxReconnectBackoff = TimeSpan.FromSeconds(5);
        // A cancelled token ends the call with OperationCanceledException (a deadline stays DEADLINE_EXCEEDED).
        channel.ThrowOperationCanceledOnCancellation = true;
        // Credentials ride on h2c as well: ShopSync's default endpoint is cleartext on the same machine or network.
        channel.UnsafeUseInsecureChannelCallCredentials = true;
        options.ConfigureChannel?.Invoke(channel);
    }

    /// <summary>
    /// The HTTP handler: more than one HTTP/2 connection (so a hundred open watches do not queue other calls) and
    /// keep-alive pings, so a dead server is noticed by long streams; TLS trusts the options' private CA and offers
    /// their client certificate.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(ShopSyncClientOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        };
        if (options.TrustedCertificateAuthorities is { Count: > 0 } authorities)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                PrivateCa.Validates(certificate, errors, authorities);
        }
        if (options.ClientCertificate is { } client)
        {
            handler.SslOptions.ClientCertificates = [client];
        }
        return handler;
    }
}
