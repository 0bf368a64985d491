namespace ShopSync.Shopify.Client;

/// <summary>A call failed for good: a non-retryable HTTP status, or retries exhausted (5xx, 429, THROTTLED, network).</summary>
public sealed class ShopifyRequestFailedException : ShopifyException
{
    /// <summary>Creates the exception.</summary>
    public ShopifyRequestFailedException(string message, string shopCode, string operationName, Exception? innerException = null)
        : base(message, shopCode, operationName, innerException)
    {
    }

    /// <summary>True when the failure was transient but the attempts ran out.</summary>
    public bool RetriesExhausted { get; init; }
}
