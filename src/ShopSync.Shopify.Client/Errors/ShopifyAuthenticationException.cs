namespace ShopSync.Shopify.Client;

/// <summary>The store answered 401 or 403: the token is wrong, revoked or lacks a scope. Never retried.</summary>
public sealed class ShopifyAuthenticationException : ShopifyException
{
    /// <summary>Creates the exception.</summary>
    public ShopifyAuthenticationException(string shopCode, string operationName, int statusCode)
        : base(
            $"Shopify rejected the access token of shop '{shopCode}' (HTTP {statusCode}) for {operationName}: check the token and its access scopes.",
            shopCode,
            operationName)
    {
        StatusCode = statusCode;
    }
}
