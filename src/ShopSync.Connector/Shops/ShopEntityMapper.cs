using ShopSync.Connector.Persistence;

namespace ShopSync.Connector.Shops;

/// <summary>Applies validated changes to a stored row and turns rows into <see cref="Shop"/>s.</summary>
internal static class ShopEntityMapper
{
    public static Shop ToShop(ShopEntity e) => new()
    {
        Code = e.Code,
        ShopifyUrl = new Uri(e.ShopifyUrl),
        ApiVersion = e.ApiVersion,
        HasAccessToken = e.ProtectedAccessToken is not null,
        HasWebhookSecret = e.ProtectedWebhookSecret is not null,
        AllowBackgroundSyncs = e.AllowBackgroundSyncs,
        AutoCreateUnknownCustomers = e.AutoCreateUnknownCustomers,
        AutoCreateUnknownItems = e.AutoCreateUnknownItems,
        CustomerMapping = (CustomerMappingMode)e.CustomerMapping,
        DefaultCustomerNo = e.DefaultCustomerNo,
        ItemSync = (SyncDirection)e.ItemSync,
        ImageSync = (SyncDirection)e.ImageSync,
        SyncPricesWithProducts = e.SyncPricesWithProducts,
        InventoryTracked = e.InventoryTracked,
        AutoCreateSalesDocuments = e.AutoCreateSalesDocuments,
        CreateInvoicesForFulfilledOrders = e.CreateInvoicesForFulfilledOrders,
        SendShippingConfirmation = e.SendShippingConfirmation,
        AllowOutgoingRequests = e.AllowOutgoingRequests,
        JobQueueCategory = e.JobQueueCategory,
        LoggingMode = (ShopLoggingMode)e.LoggingMode,
        CreatedAt = e.CreatedAt,
        UpdatedAt = e.UpdatedAt,
    };

    /// <summary>A new row holding the defaults, before the creator's settings are applied.</summary>
    public static ShopEntity NewWithDefaults(string code) => new()
    {
        Code = code,
        NormalizedCode = code.ToUpperInvariant(),
        ApiVersion = ShopDefaults.ApiVersion,
        AllowBackgroundSyncs = ShopDefaults.AllowBackgroundSyncs,
        AllowOutgoingRequests = ShopDefaults.AllowOutgoingRequests,
        CustomerMapping = (int)ShopDefaults.CustomerMapping,
        ItemSync = (int)ShopDefaults.ItemSync,
        ImageSync = (int)ShopDefaults.ImageSync,
        SyncPricesWithProducts = ShopDefaults.SyncPricesWithProducts,
        InventoryTracked = ShopDefaults.InventoryTracked,
        CreateInvoicesForFulfilledOrders = ShopDefaults.CreateInvoicesForFulfilledOrders,
        SendShippingConfirmation = ShopDefaults.SendShippingConfirmation,
        JobQueueCategory = ShopDefaults.JobQueueCategory,
        LoggingMode = (int)ShopDefaults.LoggingMode,
    };

    /// <summary>Validates each given setting and writes it to the row; secrets are protected first.</summary>
    public static void Apply(ShopEntity e, ShopChanges c, Func<string, string> protect)
    {
        if (c.ShopifyUrl is not null)
        {
            var url = ShopSettingsRules.NormalizeShopifyUrl(c.ShopifyUrl).ToString().TrimEnd('/');
            if (!string.IsNullOrEmpty(e.ShopifyUrl) && !string.Equals(e.ShopifyUrl, url, StringComparison.OrdinalIgnoreCase))
            {
                // The stored secrets belong to the old store: sending its token to a new host would hand it over.
                e.ProtectedAccessToken = null;
                e.ProtectedWebhookSecret = null;
            }
            e.ShopifyUrl = url;
        }
        if (c.ApiVersion is not null) { e.ApiVersion = ShopSettingsRules.NormalizeApiVersion(c.ApiVersion); }
        if (c.AccessToken is not null) { e.ProtectedAccessToken = ProtectSecret("shop.access_token", c.AccessToken, protect); }
        if (c.WebhookSecret is not null) { e.ProtectedWebhookSecret = ProtectSecret("shop.webhook_secret", c.WebhookSecret, protect); }
        if (c.AllowBackgroundSyncs is { } background) { e.AllowBackgroundSyncs = background; }
        if (c.AutoCreateUnknownCustomers is { } customers) { e.AutoCreateUnknownCustomers = customers; }
        if (c.AutoCreateUnknownItems is { } items) { e.AutoCreateUnknownItems = items; }
        if (c.CustomerMapping is { } mapping) { ShopSettingsRules.CheckEnum("shop.customer_mapping", mapping); e.CustomerMapping = (int)mapping; }
        if (c.DefaultCustomerNo is not null) { e.DefaultCustomerNo = c.DefaultCustomerNo.Trim() is { Length: > 0 } no ? no : null; }
        if (c.ItemSync is { } itemSync) { ShopSettingsRules.CheckEnum("shop.item_sync", itemSync); e.ItemSync = (int)itemSync; }
        if (c.ImageSync is { } imageSync) { ShopSettingsRules.CheckEnum("shop.image_sync", imageSync); e.ImageSync = (int)imageSync; }
        if (c.SyncPricesWithProducts is { } prices) { e.SyncPricesWithProducts = prices; }
        if (c.InventoryTracked is { } inventory) { e.InventoryTracked = inventory; }
        if (c.AutoCreateSalesDocuments is { } documents) { e.AutoCreateSalesDocuments = documents; }
        if (c.CreateInvoicesForFulfilledOrders is { } invoices) { e.CreateInvoicesForFulfilledOrders = invoices; }
        if (c.SendShippingConfirmation is { } confirmation) { e.SendShippingConfirmation = confirmation; }
        if (c.AllowOutgoingRequests is { } outgoing) { e.AllowOutgoingRequests = outgoing; }
        if (c.JobQueueCategory is not null) { e.JobQueueCategory = ShopSettingsRules.NormalizeCategory(c.JobQueueCategory); }
        if (c.LoggingMode is { } logging) { ShopSettingsRules.CheckEnum("shop.logging_mode", logging); e.LoggingMode = (int)logging; }
        if (e.DefaultCustomerNo is { Length: > 20 })
        {
            throw new ShopValidationException("shop.default_customer_no", "shop.default_customer_no is longer than 20 characters");
        }
        ShopSettingsRules.CheckConsistency((CustomerMappingMode)e.CustomerMapping, e.DefaultCustomerNo);
    }

    /// <summary>An empty secret clears it (null); anything else is checked and encrypted.</summary>
    private static string? ProtectSecret(string field, string value, Func<string, string> protect)
    {
        if (value.Length == 0)
        {
            return null;
        }
        ShopSettingsRules.CheckSecret(field, value);
        return protect(value);
    }
}
