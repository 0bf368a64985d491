namespace ShopSync.Shopify.Client;

/// <summary>What is known about a call across its attempts (for the call record).</summary>
internal sealed class CallState(ShopifyShopConnection shop, string operationName, bool isMutation, DateTimeOffset startedAt, long startTimestamp)
{
    public ShopifyShopConnection Shop { get; } = shop;

    public string OperationName { get; } = operationName;

    public bool IsMutation { get; } = isMutation;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public long StartTimestamp { get; } = startTimestamp;

    public int Attempts { get; set; }

    public int Throttled { get; set; }

    public int? LastStatus { get; private set; }

    public string? LastRequestId { get; private set; }

    public ShopifyQueryCost? LastCost { get; private set; }

    public string? UserErrors { get; set; }

    public void Observe(AttemptResult attempt)
    {
        LastStatus = attempt.HttpStatus ?? LastStatus;
        LastRequestId = attempt.RequestId ?? LastRequestId;
        LastCost = attempt.Cost ?? LastCost;
    }
}
