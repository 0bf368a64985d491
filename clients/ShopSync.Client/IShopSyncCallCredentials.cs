using Grpc.Core;

namespace ShopSync.Client;

/// <summary>Adds credentials to the request headers of every call (e.g. an <c>authorization</c> bearer token).</summary>
public interface IShopSyncCallCredentials
{
    /// <summary>Adds the credential headers; called before each attempt, so a token may be refreshed here.</summary>
    ValueTask ApplyAsync(Metadata headers, CancellationToken cancellationToken);
}
