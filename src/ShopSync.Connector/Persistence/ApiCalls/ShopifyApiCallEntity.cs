using ShopSync.Shopify.Client;

namespace ShopSync.Connector.Sync;

/// <summary>A recorded Shopify API call (all attempts of one call). (ShopCode, Outcome, StartedAt) serves the API Errors cue.</summary>
internal sealed class ShopifyApiCallEntity
{
    public long Id { get; set; }
    public string ShopCode { get; set; } = "";
    public string OperationName { get; set; } = "";
    public bool IsMutation { get; set; }
    public ShopifyCallOutcome Outcome { get; set; }
    public bool Failed { get; set; }
    public int? HttpStatus { get; set; }
    public int? RequestedCost { get; set; }
    public int? ActualCost { get; set; }
    public int Retries { get; set; }
    public int ThrottledCount { get; set; }
    public string? RequestId { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public double DurationMs { get; set; }
}
