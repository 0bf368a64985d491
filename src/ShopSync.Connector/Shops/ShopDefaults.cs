namespace ShopSync.Connector.Shops;

/// <summary>The settings a new shop gets where its creator says nothing.</summary>
public static class ShopDefaults
{
    /// <summary>The ERP's category for every Shopify job: one category serialises a shop's syncs.</summary>
    public const string JobQueueCategory = "SHPFY";

    /// <summary>A supported, stable Admin API version.</summary>
    public const string ApiVersion = "2025-07";

    public const bool AllowBackgroundSyncs = true;
    public const bool AllowOutgoingRequests = true;
    public const CustomerMappingMode CustomerMapping = CustomerMappingMode.ByEmail;
    public const SyncDirection ItemSync = SyncDirection.ToShopify;
    public const SyncDirection ImageSync = SyncDirection.ToShopify;
    public const bool SyncPricesWithProducts = true;
    public const bool InventoryTracked = true;
    public const bool CreateInvoicesForFulfilledOrders = true;
    public const bool SendShippingConfirmation = true;
    public const ShopLoggingMode LoggingMode = ShopLoggingMode.ErrorsOnly;
}
