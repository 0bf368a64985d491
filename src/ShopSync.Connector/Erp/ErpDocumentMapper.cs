namespace ShopSync.Connector.Erp;

/// <summary>Stored documents → <see cref="ErpDocumentView"/>.</summary>
internal static class ErpDocumentMapper
{
    public static ErpDocumentView ToView(ErpSalesDocumentEntity d, bool includeLines) => new(
        d.DocumentType == ErpSalesDocumentType.Order ? ErpDocumentKind.SalesOrder : ErpDocumentKind.SalesInvoice,
        d.No, d.ShopCode, d.ShopifyOrderNo, d.ShopifyOrderId, d.CustomerNo, d.Status.ToString(), d.CurrencyCode,
        d.Amount, d.AmountIncludingTax, d.PostingDate, null, null, null, null, d.CreatedAt,
        includeLines
            ? d.Lines.OrderBy(l => l.LineNo).Select(l => new ErpDocumentLineView(l.LineNo, l.ItemNo, l.VariantCode, l.Description, l.Quantity, l.UnitPrice, l.LineAmount)).ToList()
            : []);

    public static ErpDocumentView ToView(ErpPostedShipmentEntity s, bool includeLines) => new(
        ErpDocumentKind.PostedShipment, s.No, s.ShopCode, s.ShopifyOrderNo, s.ShopifyOrderId, s.CustomerNo, "Posted", "",
        0, 0, s.PostingDate, s.SalesOrderNo, s.TrackingNumber, s.FulfillmentState, s.FulfillmentError, s.CreatedAt,
        includeLines
            ? s.Lines.OrderBy(l => l.LineNo).Select(l => new ErpDocumentLineView(l.LineNo, l.ItemNo, l.VariantCode, l.Description, l.Quantity, 0, 0)).ToList()
            : []);

    public static ErpDocumentView ToView(ErpPostedInvoiceEntity i) => new(
        ErpDocumentKind.PostedInvoice, i.No, i.ShopCode, i.ShopifyOrderNo, i.ShopifyOrderId, i.CustomerNo, "Posted", i.CurrencyCode,
        i.Amount, i.AmountIncludingTax, i.PostingDate, i.SourceDocumentNo, null, null, null, i.CreatedAt, []);
}
