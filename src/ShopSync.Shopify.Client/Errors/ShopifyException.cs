namespace ShopSync.Shopify.Client;

/// <summary>Base of the client's errors. Messages never contain the access token.</summary>
public class ShopifyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ShopifyException(string message, string shopCode, string operationName, Exception? innerException = null)
        : base(message, innerException)
    {
        ShopCode = shopCode;
        OperationName = operationName;
    }

    /// <summary>The shop the call was for.</summary>
    public string ShopCode { get; }

    /// <summary>The GraphQL operation name.</summary>
    public string OperationName { get; }

    /// <summary>Shopify's <c>X-Request-Id</c> of the last attempt, when one was answered.</summary>
    public string? RequestId { get; init; }

    /// <summary>HTTP status of the last attempt, when one was answered.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Retries made before giving up.</summary>
    public int Retries { get; init; }
}
