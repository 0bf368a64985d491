namespace ShopSync.Connector.Erp;

// What ListDocuments returns, grouped: a document and its lines.

/// <summary>The kinds of documents created from Shopify orders.</summary>
public enum ErpDocumentKind
{
    SalesOrder = 1,
    SalesInvoice = 2,
    PostedShipment = 3,
    PostedInvoice = 4,
}

/// <summary>A document as listed.</summary>
public sealed record ErpDocumentView(
    ErpDocumentKind Kind,
    string No,
    string? ShopCode,
    string? ShopifyOrderNo,
    string? ShopifyOrderId,
    string CustomerNo,
    string Status,
    string CurrencyCode,
    decimal Amount,
    decimal AmountIncludingTax,
    DateOnly? PostingDate,
    string? SourceDocumentNo,
    string? TrackingNumber,
    ErpFulfillmentState? FulfillmentState,
    string? FulfillmentError,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ErpDocumentLineView> Lines);

/// <summary>A line of a listed document.</summary>
public sealed record ErpDocumentLineView(int LineNo, string? ItemNo, string VariantCode, string Description, decimal Quantity, decimal UnitPrice, decimal LineAmount);

/// <summary>A page of documents; <see cref="NextOffset"/> is null on the last page.</summary>
public sealed record ErpDocumentPage(IReadOnlyList<ErpDocumentView> Documents, int? NextOffset);

/// <summary>Which documents to list.</summary>
/// <param name="ShopCode">Required.</param>
/// <param name="Kind">Null: every kind.</param>
/// <param name="ShopifyOrderNo">An ERP filter expression on the Shopify Order No.; null or empty: all.</param>
/// <param name="Offset">Documents to pass over.</param>
/// <param name="PageSize">1..500.</param>
/// <param name="IncludeLines">Read the lines too.</param>
public sealed record ErpDocumentQuery(string ShopCode, ErpDocumentKind? Kind, string? ShopifyOrderNo, int Offset, int PageSize, bool IncludeLines);
