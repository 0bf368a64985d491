namespace ShopSync.Shopify.Client;

/// <summary>The request itself failed with top-level GraphQL errors (not THROTTLED), e.g. ACCESS_DENIED or MAX_COST_EXCEEDED.</summary>
public sealed class ShopifyGraphQLException : ShopifyException
{
    /// <summary>Creates the exception.</summary>
    public ShopifyGraphQLException(string shopCode, string operationName, IReadOnlyList<ShopifyGraphQLError> errors)
        : base(
            $"Shopify answered {operationName} for shop '{shopCode}' with errors: " +
            string.Join("; ", errors.Select(e => e.Code is null ? e.Message : $"{e.Code}: {e.Message}")),
            shopCode,
            operationName)
    {
        Errors = errors;
    }

    /// <summary>The errors as answered.</summary>
    public IReadOnlyList<ShopifyGraphQLError> Errors { get; }
}
