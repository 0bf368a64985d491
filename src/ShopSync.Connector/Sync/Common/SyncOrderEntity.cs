namespace ShopSync.Connector.Sync;

/// <summary>
/// The import staging row of a Shopify order (one per shop and order id). Status columns and indexes make the
/// Unprocessed Orders (<see cref="Status"/>) and Unprocessed Order Updates (<see cref="HasUnprocessedUpdate"/>) cues cheap.
/// </summary>
internal sealed class SyncOrderEntity
{
    public long Id { get; set; }
    public string ShopCode { get; set; } = "";
    public string ShopifyOrderId { get; set; } = "";
    public string OrderNo { get; set; } = "";
    public DateTimeOffset ShopifyCreatedAt { get; set; }
    public DateTimeOffset ShopifyUpdatedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public bool Confirmed { get; set; }
    public bool Test { get; set; }
    public string FinancialStatus { get; set; } = "";
    public string FulfillmentStatus { get; set; } = "";
    public bool FullyPaid { get; set; }
    public string? Channel { get; set; }
    public string Tags { get; set; } = "";
    public bool HighRisk { get; set; }
    public string? RiskLevel { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? ShopifyCustomerId { get; set; }
    public string? CustomerFirstName { get; set; }
    public string? CustomerLastName { get; set; }
    public string? SellToCountryCode { get; set; }
    public string? ShipToCountryCode { get; set; }
    public string? BillToCountryCode { get; set; }
    public string? ShipToName { get; set; }
    public string? ShipToAddress { get; set; }
    public string? ShipToCity { get; set; }
    public string? ShipToPostCode { get; set; }
    public string CurrencyCode { get; set; } = "";
    public decimal Subtotal { get; set; }
    public decimal TotalTax { get; set; }
    public decimal TotalShipping { get; set; }
    public decimal Total { get; set; }
    public decimal TotalOutstanding { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public SyncOrderStatus Status { get; set; }
    public string? ProcessingError { get; set; }
    public string? SalesDocumentNo { get; set; }
    public Erp.ErpSalesDocumentType? SalesDocumentType { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>The order changed in Shopify after its sales document was created.</summary>
    public bool HasUnprocessedUpdate { get; set; }

    public List<SyncOrderLineEntity> Lines { get; set; } = [];
}
