namespace ShopSync.Connector.Shops;

/// <summary>How an imported Shopify customer is linked to an ERP customer.</summary>
public enum CustomerMappingMode
{
    ByEmail = 1,
    ByPhone = 2,
    DefaultCustomer = 3,
}

/// <summary>Which side is the source of truth for items or images.</summary>
public enum SyncDirection
{
    None = 1,
    FromShopify = 2,
    ToShopify = 3,
}

/// <summary>What a shop's syncs write to the Shopify call log.</summary>
public enum ShopLoggingMode
{
    Disabled = 1,
    ErrorsOnly = 2,
    All = 3,
}
