using ShopSync.Client.Internal;
using ShopSync.Contracts.V1;

namespace ShopSync.Client;

/// <summary>shopsync.v1.ShopService: shops and their connector settings.</summary>
public sealed class ShopClient
{
    private readonly ShopSyncCalls _calls;
    private readonly ShopService.ShopServiceClient _client;

    internal ShopClient(ShopSyncCalls calls, ShopService.ShopServiceClient client)
    {
        _calls = calls;
        _client = client;
    }

    /// <summary>Creates a shop. Never retried.</summary>
    public Task<CreateShopResponse> CreateShopAsync(CreateShopRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.CreateShopAsync(request, o), options, cancellationToken);

    /// <summary>Changes a shop's settings (the mask's fields, or every set field). Not retried.</summary>
    public Task<UpdateShopResponse> UpdateShopAsync(UpdateShopRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.UpdateShopAsync(request, o), options, cancellationToken);

    /// <summary>One shop; retried on UNAVAILABLE.</summary>
    public Task<GetShopResponse> GetShopAsync(GetShopRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.GetShopAsync(request, o), options, cancellationToken);

    /// <summary>A page of shops; retried on UNAVAILABLE.</summary>
    public Task<ListShopsResponse> ListShopsAsync(ListShopsRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.ListShopsAsync(request, o), options, cancellationToken);

    /// <summary>Deletes a shop. Not retried.</summary>
    public Task<DeleteShopResponse> DeleteShopAsync(DeleteShopRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.DeleteShopAsync(request, o), options, cancellationToken);
}
