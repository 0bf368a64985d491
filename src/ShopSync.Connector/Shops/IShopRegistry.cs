namespace ShopSync.Connector.Shops;

/// <summary>Shops and their settings. Secrets go in, never out (see <see cref="IShopSecrets"/>).</summary>
public interface IShopRegistry
{
    Task<Shop> CreateAsync(string code, ShopChanges settings, CancellationToken cancellationToken);

    Task<Shop> UpdateAsync(string code, ShopChanges changes, CancellationToken cancellationToken);

    /// <exception cref="ShopNotFoundException">No shop has the code.</exception>
    Task<Shop> GetAsync(string code, CancellationToken cancellationToken);

    Task<Shop?> FindAsync(string code, CancellationToken cancellationToken);

    /// <summary>Shops ordered by code, starting after <paramref name="afterCode"/>.</summary>
    Task<IReadOnlyList<Shop>> ListAsync(string? afterCode, int limit, CancellationToken cancellationToken);

    Task DeleteAsync(string code, CancellationToken cancellationToken);
}

/// <summary>Decrypted secrets, for the Shopify client and the webhook endpoint only.</summary>
public interface IShopSecrets
{
    Task<string?> GetAccessTokenAsync(string code, CancellationToken cancellationToken);

    Task<string?> GetWebhookSecretAsync(string code, CancellationToken cancellationToken);
}
