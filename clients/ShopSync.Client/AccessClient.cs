using ShopSync.Client.Internal;
using ShopSync.Contracts.V1;

namespace ShopSync.Client;

/// <summary>shopsync.v1.AccessService: who the caller is, and API keys (admins).</summary>
public sealed class AccessClient
{
    private readonly ShopSyncCalls _calls;
    private readonly AccessService.AccessServiceClient _client;

    internal AccessClient(ShopSyncCalls calls, AccessService.AccessServiceClient client)
    {
        _calls = calls;
        _client = client;
    }

    /// <summary>The caller's principal, role and shops as the server sees them.</summary>
    public Task<WhoAmIResponse> WhoAmIAsync(ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.WhoAmIAsync(new WhoAmIRequest(), o), options, cancellationToken);

    /// <summary>Creates an API key; the response holds its secret, shown only this once. Never retried.</summary>
    public Task<CreateApiKeyResponse> CreateApiKeyAsync(CreateApiKeyRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.CreateApiKeyAsync(request, o), options, cancellationToken);

    /// <summary>The API keys (without secrets).</summary>
    public Task<ListApiKeysResponse> ListApiKeysAsync(ListApiKeysRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.ListApiKeysAsync(request, o), options, cancellationToken);

    /// <summary>Revokes a key by id or name, at once.</summary>
    public Task<RevokeApiKeyResponse> RevokeApiKeyAsync(RevokeApiKeyRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.RevokeApiKeyAsync(request, o), options, cancellationToken);
}
