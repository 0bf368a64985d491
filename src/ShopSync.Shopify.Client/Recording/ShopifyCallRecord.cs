namespace ShopSync.Shopify.Client;

/// <summary>One Shopify call (all its attempts), as recorded for the "API Errors" cue and diagnostics.</summary>
/// <param name="ShopCode">ShopSync shop code.</param>
/// <param name="StoreUrl">Store base URL.</param>
/// <param name="OperationName">GraphQL operation name.</param>
/// <param name="IsMutation">True for mutations.</param>
/// <param name="Outcome">How the call ended.</param>
/// <param name="HttpStatus">HTTP status of the last attempt, null when none was answered.</param>
/// <param name="RequestedCost">requestedQueryCost of the last answer.</param>
/// <param name="ActualCost">actualQueryCost of the last answer.</param>
/// <param name="Retries">Attempts after the first.</param>
/// <param name="ThrottledCount">Attempts answered THROTTLED.</param>
/// <param name="RequestId">Shopify's <c>X-Request-Id</c> of the last answer.</param>
/// <param name="Error">Error text (never contains the token); null on success.</param>
/// <param name="StartedAt">When the call started.</param>
/// <param name="Duration">Wall time of the call including pacing waits and retries.</param>
public sealed record ShopifyCallRecord(
    string ShopCode,
    string StoreUrl,
    string OperationName,
    bool IsMutation,
    ShopifyCallOutcome Outcome,
    int? HttpStatus,
    int? RequestedCost,
    int? ActualCost,
    int Retries,
    int ThrottledCount,
    string? RequestId,
    string? Error,
    DateTimeOffset StartedAt,
    TimeSpan Duration);
