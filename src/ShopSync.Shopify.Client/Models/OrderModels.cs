namespace ShopSync.Shopify.Client;

// The order as read by Sync Orders (30104); grouped because the parts only make sense together.

/// <summary>An order as read by <see cref="ShopifyOrderOperations.Orders"/>.</summary>
public sealed record ShopifyOrder(
    string Id,
    string LegacyResourceId,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ProcessedAt,
    DateTimeOffset? CancelledAt,
    string? CancelReason,
    bool Closed,
    bool Confirmed,
    bool Test,
    string? Email,
    string? Phone,
    string CurrencyCode,
    string? DisplayFinancialStatus,
    string DisplayFulfillmentStatus,
    bool FullyPaid,
    IReadOnlyList<string> Tags,
    string? Note,
    string? SourceName,
    ShopifyOrderRisk? Risk,
    ShopifyChannelInformation? ChannelInformation,
    ShopifyApp? App,
    ShopifyMoneyBag TotalPriceSet,
    ShopifyMoneyBag SubtotalPriceSet,
    ShopifyMoneyBag TotalTaxSet,
    ShopifyMoneyBag TotalShippingPriceSet,
    ShopifyMoneyBag TotalOutstandingSet,
    ShopifyOrderCustomer? Customer,
    ShopifyAddress? ShippingAddress,
    ShopifyAddress? BillingAddress,
    ShopifyConnection<ShopifyLineItem> LineItems);

/// <summary><c>Order.risk</c>: recommendation ACCEPT / INVESTIGATE / CANCEL / NONE and the assessments' levels.</summary>
public sealed record ShopifyOrderRisk(string Recommendation, IReadOnlyList<ShopifyRiskAssessment> Assessments);

/// <summary>One risk assessment (riskLevel HIGH / MEDIUM / LOW / NONE / PENDING).</summary>
public sealed record ShopifyRiskAssessment(string RiskLevel);

/// <summary>The sales channel of an order.</summary>
public sealed record ShopifyChannelInformation(ShopifyChannelDefinition? ChannelDefinition);

/// <summary>Channel handle and name, e.g. <c>web</c> / Online Store.</summary>
public sealed record ShopifyChannelDefinition(string Handle, string ChannelName);

/// <summary>The app that created the order.</summary>
public sealed record ShopifyApp(string Id, string Name);

/// <summary>The customer on an order.</summary>
public sealed record ShopifyOrderCustomer(string Id, string? Email, string? FirstName, string? LastName, string? Phone);

/// <summary>A mailing address.</summary>
public sealed record ShopifyAddress(
    string? FirstName,
    string? LastName,
    string? Company,
    string? Address1,
    string? Address2,
    string? City,
    string? Province,
    string? ProvinceCode,
    string? Zip,
    string? Country,
    string? CountryCodeV2,
    string? Phone);

/// <summary>An order line.</summary>
public sealed record ShopifyLineItem(
    string Id,
    string Name,
    string? Sku,
    int Quantity,
    int CurrentQuantity,
    ShopifyRef? Variant,
    ShopifyRef? Product,
    ShopifyMoneyBag OriginalUnitPriceSet,
    ShopifyMoneyBag DiscountedTotalSet);
