namespace ShopSync.Connector.Shops;

/// <summary>
/// A shop and its connector settings, as operators see them. Secrets are never part of it:
/// only whether they are set.
/// </summary>
public sealed record Shop
{
    public required string Code { get; init; }
    public required Uri ShopifyUrl { get; init; }
    public required string ApiVersion { get; init; }
    public bool HasAccessToken { get; init; }
    public bool HasWebhookSecret { get; init; }
    public bool AllowBackgroundSyncs { get; init; }
    public bool AutoCreateUnknownCustomers { get; init; }
    public bool AutoCreateUnknownItems { get; init; }
    public CustomerMappingMode CustomerMapping { get; init; }
    public string? DefaultCustomerNo { get; init; }
    public SyncDirection ItemSync { get; init; }
    public SyncDirection ImageSync { get; init; }
    public bool SyncPricesWithProducts { get; init; }
    public bool InventoryTracked { get; init; }
    public bool AutoCreateSalesDocuments { get; init; }
    public bool CreateInvoicesForFulfilledOrders { get; init; }
    public bool SendShippingConfirmation { get; init; }

    /// <summary>False = read-only: no mutation is sent to Shopify.</summary>
    public bool AllowOutgoingRequests { get; init; }

    /// <summary>The job queue category every sync of this shop uses (serialises them).</summary>
    public required string JobQueueCategory { get; init; }

    public ShopLoggingMode LoggingMode { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
