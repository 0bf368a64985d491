namespace ShopSync.Shopify.Client;

/// <summary>A Shopify Payments payout (Sync Payments, 30105).</summary>
public sealed record ShopifyPayout(
    string Id,
    string LegacyResourceId,
    DateTimeOffset IssuedAt,
    string Status,
    string TransactionType,
    ShopifyMoney Net,
    ShopifyPayoutSummary? Summary);

/// <summary>Gross and fee figures of a payout.</summary>
public sealed record ShopifyPayoutSummary(ShopifyMoney ChargesGross, ShopifyMoney ChargesFee, ShopifyMoney RefundsFeeGross, ShopifyMoney AdjustmentsGross);

/// <summary>A balance transaction (charge, refund, dispute, adjustment...).</summary>
public sealed record ShopifyBalanceTransaction(
    string Id,
    string Type,
    bool Test,
    DateTimeOffset TransactionDate,
    ShopifyMoney Amount,
    ShopifyMoney Fee,
    ShopifyMoney Net,
    string? SourceType,
    long? SourceId,
    long? SourceOrderTransactionId,
    ShopifyAssociatedOrder? AssociatedOrder,
    ShopifyAssociatedPayout? AssociatedPayout);

/// <summary>The order of a balance transaction.</summary>
public sealed record ShopifyAssociatedOrder(string Id, string Name);

/// <summary>The payout of a balance transaction (null id when not paid out yet).</summary>
public sealed record ShopifyAssociatedPayout(string? Id, string? Status);

/// <summary>A chargeback or inquiry (Sync Disputes, 30120).</summary>
public sealed record ShopifyDispute(
    string Id,
    string LegacyResourceId,
    string Status,
    string Type,
    ShopifyMoney Amount,
    DateTimeOffset InitiatedAt,
    DateTimeOffset? EvidenceDueBy,
    DateTimeOffset? FinalizedOn,
    ShopifyDisputeReason? ReasonDetails,
    ShopifyAssociatedOrder? Order);

/// <summary>Reason of a dispute.</summary>
public sealed record ShopifyDisputeReason(string Reason, string? NetworkReasonCode);

/// <summary>A B2B catalog with its price list (Sync Catalogs, 30115).</summary>
public sealed record ShopifyCatalog(string Id, string Title, string Status, ShopifyPriceListRef? PriceList);

/// <summary>A price list by id, name and currency.</summary>
public sealed record ShopifyPriceListRef(string Id, string Name, string Currency);

/// <summary>One fixed or computed price of a price list.</summary>
public sealed record ShopifyPriceListPrice(ShopifyRef Variant, ShopifyMoney Price, ShopifyMoney? CompareAtPrice, string OriginType);

/// <summary>A fixed price to add (Sync Catalog Prices, 30116).</summary>
public sealed record ShopifyPriceListPriceInput(string VariantId, ShopifyMoney Price, ShopifyMoney? CompareAtPrice = null);

/// <summary>A fixed price returned by <c>priceListFixedPricesAdd</c>.</summary>
public sealed record ShopifyAddedPrice(ShopifyRef Variant, ShopifyMoney Price);
