namespace ShopSync.Shopify.Client;

/// <summary>What one HTTP attempt produced: an answer, a reason to retry after a delay, or a final failure.</summary>
internal sealed record AttemptResult(
    AttemptKind Kind,
    int? HttpStatus,
    string? RequestId,
    ShopifyQueryCost? Cost,
    string? Reason = null,
    TimeSpan RetryDelay = default,
    System.Text.Json.JsonDocument? Body = null,
    Exception? Error = null);

/// <summary>Kinds of <see cref="AttemptResult"/>.</summary>
internal enum AttemptKind
{
    Answered,
    Throttled,
    Retry,
    Fail,
}
