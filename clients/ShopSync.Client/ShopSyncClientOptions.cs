using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace ShopSync.Client;

/// <summary>Options of the ShopSync client (<c>services.AddShopSyncClient(o =&gt; o.Address = …)</c>).</summary>
public sealed class ShopSyncClientOptions
{
    /// <summary>The server's address, e.g. <c>http://127.0.0.1:5000</c> (h2c) or an <c>https://</c> address.</summary>
    public Uri? Address { get; set; }

    /// <summary>
    /// The deadline of unary calls that give none of their own; null = no deadline. Streams (EnqueueJob,
    /// Watch*) never get it: they run as long as the job or the caller wants.
    /// </summary>
    public TimeSpan? DefaultTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sent as <c>x-shopsync-user</c> on every call (the server records it as the entry's creator).</summary>
    public string? User { get; set; }

    /// <summary>Adds credentials (e.g. <c>authorization</c>) to every call; null = <see cref="ApiKey"/>, <see cref="TokenProvider"/>, or one registered in DI.</summary>
    public IShopSyncCallCredentials? Credentials { get; set; }

    /// <summary>A ShopSync API key (<c>ssk_…</c>) or any fixed bearer token, sent as <c>authorization: Bearer …</c> on every call.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Gives the bearer token per call (e.g. a JWT from an identity provider, refreshed as it expires); used when <see cref="ApiKey"/> is not set.</summary>
    public Func<CancellationToken, ValueTask<string>>? TokenProvider { get; set; }

    /// <summary>
    /// Retries of idempotent calls (Get/List/Preview/Check, the watch-all streams before their first message) on
    /// UNAVAILABLE, sent to grpc-dotnet as the channel's service config (its pauses are jittered and on the real
    /// clock; at most 5 attempts unless <see cref="ConfigureChannel"/> raises <c>MaxRetryAttempts</c>), and the
    /// resumes of WatchJob.
    /// </summary>
    public ShopSyncRetryPolicy Retry { get; set; } = new();

    /// <summary>
    /// For an <c>https://</c> server whose certificate a private CA issued: the CA certificates to trust (instead of
    /// the machine's trust store). Null = the machine's trust store.
    /// </summary>
    public X509Certificate2Collection? TrustedCertificateAuthorities { get; set; }

    /// <summary>A client certificate (with its private key) offered in the TLS handshake (mTLS); null = none.</summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>Changes the underlying channel's options last (message sizes, compression providers, an HTTP handler).</summary>
    public Action<GrpcChannelOptions>? ConfigureChannel { get; set; }

    /// <summary>Logging of retries and resumes; null = none.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock deadlines are computed on and WatchJob's resume pauses wait on.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
