namespace ShopSync.Shopify.Client;

/// <summary>Creates store-bound clients; all clients of one store share that store's rate-limit budget.</summary>
public interface IShopifyClientFactory
{
    /// <summary>A client bound to <paramref name="shop"/>. Cheap; create one per job run.</summary>
    IShopifyAdminClient Create(ShopifyShopConnection shop);
}
