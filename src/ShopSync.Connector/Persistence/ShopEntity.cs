namespace ShopSync.Connector.Persistence;

/// <summary>The stored row of a shop. Secrets are kept encrypted with Data Protection.</summary>
internal sealed class ShopEntity
{
    public string Code { get; set; } = "";

    /// <summary>Upper-cased code: shop codes are unique regardless of case.</summary>
    public string NormalizedCode { get; set; } = "";

    public string ShopifyUrl { get; set; } = "";
    public string ApiVersion { get; set; } = "";
    public string? ProtectedAccessToken { get; set; }
    public string? ProtectedWebhookSecret { get; set; }
    public bool AllowBackgroundSyncs { get; set; }
    public bool AutoCreateUnknownCustomers { get; set; }
    public bool AutoCreateUnknownItems { get; set; }
    public int CustomerMapping { get; set; }
    public string? DefaultCustomerNo { get; set; }
    public int ItemSync { get; set; }
    public int ImageSync { get; set; }
    public bool SyncPricesWithProducts { get; set; }
    public bool InventoryTracked { get; set; }
    public bool AutoCreateSalesDocuments { get; set; }
    public bool CreateInvoicesForFulfilledOrders { get; set; }
    public bool SendShippingConfirmation { get; set; }
    public bool AllowOutgoingRequests { get; set; }
    public string JobQueueCategory { get; set; } = "";
    public int LoggingMode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: two operators editing one shop do not overwrite each other silently.</summary>
    public long Version { get; set; }
}
