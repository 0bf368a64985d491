namespace ShopSync.Shopify.Client;

/// <summary>Default <see cref="IShopifyClientFactory"/>.</summary>
internal sealed class ShopifyClientFactory(ShopifyGraphQLTransport transport) : IShopifyClientFactory
{
    public IShopifyAdminClient Create(ShopifyShopConnection shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        if (string.IsNullOrWhiteSpace(shop.AccessToken))
        {
            throw new ArgumentException("ShopifyShopConnection.AccessToken must not be empty.", nameof(shop));
        }

        if (!shop.BaseUrl.IsAbsoluteUri || (shop.BaseUrl.Scheme != Uri.UriSchemeHttps && shop.BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("ShopifyShopConnection.BaseUrl must be an absolute http(s) URL.", nameof(shop));
        }

        return new ShopifyAdminClient(shop, transport);
    }
}
