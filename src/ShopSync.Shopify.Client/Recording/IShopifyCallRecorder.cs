namespace ShopSync.Shopify.Client;

/// <summary>Receives a record of every Shopify call. Implementations must be thread-safe and quick (buffer, then store).</summary>
public interface IShopifyCallRecorder
{
    /// <summary>Records one finished call.</summary>
    void Record(ShopifyCallRecord record);
}
