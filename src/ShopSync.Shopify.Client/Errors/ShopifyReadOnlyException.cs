namespace ShopSync.Shopify.Client;

/// <summary>A mutation was refused before sending because the shop does not allow outgoing requests (read-only mode).</summary>
public sealed class ShopifyReadOnlyException : ShopifyException
{
    /// <summary>Creates the exception.</summary>
    public ShopifyReadOnlyException(string shopCode, string operationName)
        : base(
            $"Shop '{shopCode}' does not allow outgoing requests (read-only mode); mutation {operationName} was not sent.",
            shopCode,
            operationName)
    {
    }
}
