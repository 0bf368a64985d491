namespace ShopSync.Connector.Shops;

/// <summary>
/// Settings to create a shop with or to change on one. A null member means "keep" (on update) or
/// "use the default" (on create). An empty secret clears it.
/// </summary>
public sealed record ShopChanges
{
    public string? ShopifyUrl { get; init; }
    public string? ApiVersion { get; init; }
    public string? AccessToken { get; init; }
    public string? WebhookSecret { get; init; }
    public bool? AllowBackgroundSyncs { get; init; }
    public bool? AutoCreateUnknownCustomers { get; init; }
    public bool? AutoCreateUnknownItems { get; init; }
    public CustomerMappingMode? CustomerMapping { get; init; }
    public string? DefaultCustomerNo { get; init; }
    public SyncDirection? ItemSync { get; init; }
    public SyncDirection? ImageSync { get; init; }
    public bool? SyncPricesWithProducts { get; init; }
    public bool? InventoryTracked { get; init; }
    public bool? AutoCreateSalesDocuments { get; init; }
    public bool? CreateInvoicesForFulfilledOrders { get; init; }
    public bool? SendShippingConfirmation { get; init; }
    public bool? AllowOutgoingRequests { get; init; }
    public string? JobQueueCategory { get; init; }
    public ShopLoggingMode? LoggingMode { get; init; }
}
