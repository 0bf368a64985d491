namespace ShopSync.Shopify.Client;

/// <summary>A successful GraphQL answer (no top-level errors) with its cost and request id.</summary>
/// <param name="Data">The typed <c>data</c> object.</param>
/// <param name="Cost">The <c>extensions.cost</c> of the answer, when present.</param>
/// <param name="RequestId">Shopify's <c>X-Request-Id</c>.</param>
/// <param name="Retries">Attempts after the first.</param>
public sealed record ShopifyGraphQLResponse<TData>(TData Data, ShopifyQueryCost? Cost, string? RequestId, int Retries);
