using ShopSync.Connector.Persistence;

namespace ShopSync.Connector.Erp;

/// <summary>Posting of sales documents: shipments (for orders) and invoices. The caller saves, in one transaction.</summary>
internal static class ErpPosting
{
    /// <summary>Ships the given quantities (null = everything left) of a sales order's item lines.</summary>
    public static async Task<ErpPostedShipmentEntity> ShipAsync(
        ConnectorDbContext db, ErpSalesDocumentEntity order, IReadOnlyList<ErpShipmentLineInput>? lines,
        string? trackingNumber, string? trackingCompany, string? trackingUrl, DateOnly postingDate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var shipment = new ErpPostedShipmentEntity
        {
            No = await ErpNumberSeries.NextAsync(db, ErpNumberSeries.PostedShipment, cancellationToken),
            SalesOrderNo = order.No,
            ShopCode = order.ShopCode,
            ShopifyOrderId = order.ShopifyOrderId,
            ShopifyOrderNo = order.ShopifyOrderNo,
            CustomerNo = order.CustomerNo,
            PostingDate = postingDate,
            TrackingNumber = trackingNumber,
            TrackingCompany = trackingCompany,
            TrackingUrl = trackingUrl,
            FulfillmentState = order.ShopifyOrderId is null ? ErpFulfillmentState.Skipped : ErpFulfillmentState.Pending,
            CreatedAt = now,
        };
        var wanted = lines?.ToDictionary(l => l.LineNo, l => l.Quantity);
        foreach (var line in order.Lines.Where(l => l.LineType == ErpSalesLineType.Item).OrderBy(l => l.LineNo))
        {
            var left = line.Quantity - line.QuantityShipped;
            var quantity = wanted is null ? left : wanted.GetValueOrDefault(line.LineNo);
            if (quantity <= 0)
            {
                continue;
            }
            if (quantity > left)
            {
                throw new ErpValidationException("lines", $"line {line.LineNo} of {order.No} has {left} left to ship, not {quantity}");
            }
            line.QuantityShipped += quantity;
            shipment.Lines.Add(new ErpPostedShipmentLineEntity
            {
                LineNo = line.LineNo,
                LineType = line.LineType,
                ItemNo = line.ItemNo,
                VariantCode = line.VariantCode,
                Description = line.Description,
                Quantity = quantity,
                ShopifyLineItemId = line.ShopifyLineItemId,
            });
        }
        if (wanted is not null && wanted.Keys.Except(order.Lines.Where(l => l.LineType == ErpSalesLineType.Item).Select(l => l.LineNo)).FirstOrDefault() is var unknown and > 0)
        {
            throw new ErpValidationException("lines", $"{order.No} has no item line {unknown}");
        }
        db.ErpPostedShipments.Add(shipment);
        return shipment;
    }

    /// <summary>Posts the invoice of a sales order or invoice and marks the document posted.</summary>
    public static async Task<ErpPostedInvoiceEntity> InvoiceAsync(
        ConnectorDbContext db, ErpSalesDocumentEntity document, DateOnly postingDate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var invoice = new ErpPostedInvoiceEntity
        {
            No = await ErpNumberSeries.NextAsync(db, ErpNumberSeries.PostedInvoice, cancellationToken),
            SourceDocumentNo = document.No,
            ShopCode = document.ShopCode,
            ShopifyOrderId = document.ShopifyOrderId,
            ShopifyOrderNo = document.ShopifyOrderNo,
            CustomerNo = document.CustomerNo,
            PostingDate = postingDate,
            CurrencyCode = document.CurrencyCode,
            Amount = document.Amount,
            AmountIncludingTax = document.AmountIncludingTax,
            CreatedAt = now,
        };
        document.Status = ErpSalesDocumentStatus.Posted;
        document.PostingDate = postingDate;
        db.ErpPostedInvoices.Add(invoice);
        return invoice;
    }
}
