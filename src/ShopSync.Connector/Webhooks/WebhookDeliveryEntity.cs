namespace ShopSync.Connector.Webhooks;

/// <summary>A webhook delivery seen before, kept to drop Shopify's repeated deliveries.</summary>
internal sealed class WebhookDeliveryEntity
{
    public string WebhookId { get; set; } = "";
    public string ShopCode { get; set; } = "";
    public string Topic { get; set; } = "";
    public long ReceivedAtTicks { get; set; }
    public string? JobId { get; set; }
}
