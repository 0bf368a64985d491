using Google.Protobuf.Reflection;
using ShopSync.Client.Internal;
using ShopSync.Contracts.V1;

namespace ShopSync.Client;

/// <summary>shopsync.v1.ShopService: shops and their connector settings.</summary>
public sealed class ShopClient
{
    private readonly ShopSyncInvoker _invoker;

    internal ShopClient(ShopSyncInvoker invoker)
    {
        _invoker = invoker;
    }

    /// <summary>Creates a shop. Never retried.</summary>
    public Task<CreateShopResponse> CreateShopAsync(CreateShopRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<CreateShopRequest, CreateShopResponse>(Method("CreateShop"), request, idempotent: false, options, cancellationToken);

    /// <summary>Changes a shop's settings (the mask's fields, or every set field). Not retried.</summary>
    public Task<UpdateShopResponse> UpdateShopAsync(UpdateShopRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<UpdateShopRequest, UpdateShopResponse>(Method("UpdateShop"), request, idempotent: false, options, cancellationToken);

    /// <summary>One shop; retried on UNAVAILABLE.</summary>
    public Task<GetShopResponse> GetShopAsync(GetShopRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<GetShopRequest, GetShopResponse>(Method("GetShop"), request, idempotent: true, options, cancellationToken);

    /// <summary>A page of shops; retried on UNAVAILABLE.</summary>
    public Task<ListShopsResponse> ListShopsAsync(ListShopsRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<ListShopsRequest, ListShopsResponse>(Method("ListShops"), request, idempotent: true, options, cancellationToken);

    /// <summary>Deletes a shop. Not retried.</summary>
    public Task<DeleteShopResponse> DeleteShopAsync(DeleteShopRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<DeleteShopRequest, DeleteShopResponse>(Method("DeleteShop"), request, idempotent: false, options, cancellationToken);

    private static MethodDescriptor Method(string name) => ShopSyncMethods.Find(ShopSyncMethods.Shop, name);
}
