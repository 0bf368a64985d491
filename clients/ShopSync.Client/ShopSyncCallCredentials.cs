using Grpc.Core;

namespace ShopSync.Client;

/// <summary>Ready-made <see cref="IShopSyncCallCredentials"/>.</summary>
public static class ShopSyncCallCredentials
{
    /// <summary>Credentials from a delegate (the auth-header hook).</summary>
    public static IShopSyncCallCredentials FromDelegate(Func<Metadata, CancellationToken, ValueTask> apply)
    {
        ArgumentNullException.ThrowIfNull(apply);
        return new DelegateCredentials(apply);
    }

    /// <summary><c>authorization: Bearer &lt;token&gt;</c>, the token read per call.</summary>
    public static IShopSyncCallCredentials BearerToken(Func<CancellationToken, ValueTask<string>> token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new DelegateCredentials(async (headers, ct) => headers.Add("authorization", "Bearer " + await token(ct).ConfigureAwait(false)));
    }

    /// <summary><c>authorization: Bearer &lt;token&gt;</c> with a fixed token.</summary>
    public static IShopSyncCallCredentials BearerToken(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return BearerToken(_ => ValueTask.FromResult(token));
    }

    private sealed class DelegateCredentials(Func<Metadata, CancellationToken, ValueTask> apply) : IShopSyncCallCredentials
    {
        public ValueTask ApplyAsync(Metadata headers, CancellationToken cancellationToken) => apply(headers, cancellationToken);
    }
}
