using Google.Protobuf.WellKnownTypes;
using ShopSync.Connector.Shops;
using V1 = ShopSync.Contracts.V1;

namespace ShopSync.Server.Shops;

/// <summary>Maps shops between the contract (shop.proto) and the Shops module.</summary>
internal static class ShopMessages
{
    /// <summary>Every settable field of <see cref="V1.Shop"/>, by its proto name.</summary>
    public static readonly IReadOnlySet<string> SettableFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "shopify_url", "api_version", "access_token", "webhook_secret", "allow_background_syncs",
        "auto_create_unknown_customers", "auto_create_unknown_items", "customer_mapping", "default_customer_no",
        "item_sync", "image_sync", "sync_prices_with_products", "inventory_tracked", "auto_create_sales_documents",
        "create_invoices_for_fulfilled_orders", "send_shipping_confirmation", "allow_outgoing_requests",
        "job_queue_category", "logging_mode",
    };

    public static V1.Shop ToMessage(Shop shop) => new()
    {
        Code = shop.Code,
        ShopifyUrl = shop.ShopifyUrl.ToString().TrimEnd('/'),
        ApiVersion = shop.ApiVersion,
        HasAccessToken = shop.HasAccessToken,
        HasWebhookSecret = shop.HasWebhookSecret,
        AllowBackgroundSyncs = shop.AllowBackgroundSyncs,
        AutoCreateUnknownCustomers = shop.AutoCreateUnknownCustomers,
        AutoCreateUnknownItems = shop.AutoCreateUnknownItems,
        CustomerMapping = (V1.CustomerMapping)shop.CustomerMapping,
        DefaultCustomerNo = shop.DefaultCustomerNo ?? "",
        ItemSync = (V1.SyncDirection)shop.ItemSync,
        ImageSync = (V1.SyncDirection)shop.ImageSync,
        SyncPricesWithProducts = shop.SyncPricesWithProducts,
        InventoryTracked = shop.InventoryTracked,
        AutoCreateSalesDocuments = shop.AutoCreateSalesDocuments,
        CreateInvoicesForFulfilledOrders = shop.CreateInvoicesForFulfilledOrders,
        SendShippingConfirmation = shop.SendShippingConfirmation,
        AllowOutgoingRequests = shop.AllowOutgoingRequests,
        JobQueueCategory = shop.JobQueueCategory,
        LoggingMode = (V1.LoggingMode)shop.LoggingMode,
        CreatedAt = Timestamp.FromDateTimeOffset(shop.CreatedAt),
        UpdatedAt = Timestamp.FromDateTimeOffset(shop.UpdatedAt),
    };

    /// <summary>
    /// The changes a message asks for. With a mask, exactly the named fields (an unknown name is an error
    /// naming it); without one, every field the message sets (non-empty strings, set wrappers, non-zero enums).
    /// </summary>
    public static ShopChanges ToChanges(V1.Shop m, FieldMask? mask)
    {
        Func<string, bool> wanted;
        if (mask is { Paths.Count: > 0 })
        {
            foreach (var path in mask.Paths)
            {
                if (!SettableFields.Contains(path))
                {
                    throw new ShopValidationException(
                        "update_mask",
                        $"update_mask names \"{ShopSync.Queue.Entries.RequestLimits.Quote(path)}\", which is not a settable shop field; valid: {string.Join(", ", SettableFields.Order())}");
                }
            }
            var paths = mask.Paths.ToHashSet(StringComparer.Ordinal);
            wanted = paths.Contains;
        }
        else
        {
            wanted = _ => true;
        }

        string? Text(string field, string value, bool masked) => wanted(field) && (masked || value.Length > 0) ? value : null;
        var hasMask = mask is { Paths.Count: > 0 };
        return new ShopChanges
        {
            ShopifyUrl = Text("shopify_url", m.ShopifyUrl, hasMask),
            ApiVersion = Text("api_version", m.ApiVersion, hasMask),
            AccessToken = Text("access_token", m.AccessToken, hasMask),
            WebhookSecret = Text("webhook_secret", m.WebhookSecret, hasMask),
            AllowBackgroundSyncs = Flag("allow_background_syncs", m.AllowBackgroundSyncs),
            AutoCreateUnknownCustomers = Flag("auto_create_unknown_customers", m.AutoCreateUnknownCustomers),
            AutoCreateUnknownItems = Flag("auto_create_unknown_items", m.AutoCreateUnknownItems),
            CustomerMapping = wanted("customer_mapping") && m.CustomerMapping != V1.CustomerMapping.Unspecified ? (CustomerMappingMode)m.CustomerMapping : null,
            DefaultCustomerNo = Text("default_customer_no", m.DefaultCustomerNo, hasMask),
            ItemSync = wanted("item_sync") && m.ItemSync != V1.SyncDirection.Unspecified ? (SyncDirection)m.ItemSync : null,
            ImageSync = wanted("image_sync") && m.ImageSync != V1.SyncDirection.Unspecified ? (SyncDirection)m.ImageSync : null,
            SyncPricesWithProducts = Flag("sync_prices_with_products", m.SyncPricesWithProducts),
            InventoryTracked = Flag("inventory_tracked", m.InventoryTracked),
            AutoCreateSalesDocuments = Flag("auto_create_sales_documents", m.AutoCreateSalesDocuments),
            CreateInvoicesForFulfilledOrders = Flag("create_invoices_for_fulfilled_orders", m.CreateInvoicesForFulfilledOrders),
            SendShippingConfirmation = Flag("send_shipping_confirmation", m.SendShippingConfirmation),
            AllowOutgoingRequests = Flag("allow_outgoing_requests", m.AllowOutgoingRequests),
            JobQueueCategory = Text("job_queue_category", m.JobQueueCategory, hasMask),
            LoggingMode = wanted("logging_mode") && m.LoggingMode != V1.LoggingMode.Unspecified ? (ShopLoggingMode)m.LoggingMode : null,
        };

        bool? Flag(string field, bool? value)
        {
            if (!wanted(field))
            {
                return null;
            }
            if (value is null && hasMask)
            {
                throw new ShopValidationException($"shop.{field}", $"shop.{field} is named in update_mask but not set");
            }
            return value;
        }
    }
}
