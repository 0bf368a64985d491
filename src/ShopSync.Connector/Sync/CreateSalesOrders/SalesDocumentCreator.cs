using ShopSync.Connector.Erp;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Shops;

namespace ShopSync.Connector.Sync;

/// <summary>Turns one imported order into a sales order (or invoice), or says why it cannot yet.</summary>
internal sealed class SalesDocumentCreator(ConnectorDbContext db, Shop shop, DateTimeOffset now)
{
    private readonly CustomerResolver _customers = new(db, shop, now);
    private readonly ItemResolver _items = new(db, shop, now);

    /// <summary>The created document, or null and the reason the order stays unprocessed.</summary>
    public async Task<(ErpSalesDocumentEntity? Document, string? Reason)> CreateAsync(SyncOrderEntity order, CancellationToken cancellationToken)
    {
        var customer = new CustomerResolver.ShopifySide(
            order.ShopifyCustomerId, order.Email, order.Phone, order.CustomerFirstName, order.CustomerLastName,
            order.ShipToAddress, order.ShipToCity, order.ShipToPostCode, order.SellToCountryCode);
        var (customerNo, customerReason) = await _customers.ResolveAsync(customer, allowCreate: true, cancellationToken);
        if (customerNo is null)
        {
            return (null, $"customer: {customerReason}");
        }
        var lines = new List<ErpSalesLineEntity>();
        foreach (var line in order.Lines.OrderBy(l => l.LineNo))
        {
            if (line.CurrentQuantity <= 0)
            {
                continue;
            }
            var salesLine = new ErpSalesLineEntity
            {
                LineNo = (lines.Count + 1) * 10000,
                LineType = ErpSalesLineType.Charge,
                Description = ErpNormalization.Truncate(line.Name, 100),
                Quantity = line.CurrentQuantity,
                UnitPrice = line.UnitPrice,
                LineAmount = line.Quantity == 0 ? 0 : Math.Round(line.DiscountedTotal * line.CurrentQuantity / line.Quantity, 2),
                ShopifyLineItemId = line.ShopifyLineItemId,
            };
            if (line.ShopifyVariantId is { } variantId)
            {
                var side = new ItemResolver.ShopifySide(variantId, line.ShopifyProductId, line.Sku, null, line.Name, line.Name.Split(" - ")[0], line.UnitPrice);
                var (itemNo, variantCode, itemReason) = await _items.ResolveAsync(side, allowCreate: true, cancellationToken);
                if (itemNo is null)
                {
                    return (null, $"line {line.LineNo} ({line.Name}): {itemReason}");
                }
                salesLine.LineType = ErpSalesLineType.Item;
                salesLine.ItemNo = itemNo;
                salesLine.VariantCode = variantCode;
            }
            lines.Add(salesLine);
        }
        if (order.TotalShipping > 0)
        {
            lines.Add(new ErpSalesLineEntity
            {
                LineNo = (lines.Count + 1) * 10000,
                LineType = ErpSalesLineType.Charge,
                Description = "Shipping",
                Quantity = 1,
                UnitPrice = order.TotalShipping,
                LineAmount = order.TotalShipping,
            });
        }
        var invoice = shop.CreateInvoicesForFulfilledOrders && order.FulfillmentStatus == "Fulfilled";
        var type = invoice ? ErpSalesDocumentType.Invoice : ErpSalesDocumentType.Order;
        var document = new ErpSalesDocumentEntity
        {
            DocumentType = type,
            No = await ErpNumberSeries.NextAsync(db, invoice ? ErpNumberSeries.SalesInvoice : ErpNumberSeries.SalesOrder, cancellationToken),
            ShopCode = shop.Code,
            ShopifyOrderId = order.ShopifyOrderId,
            ShopifyOrderNo = order.OrderNo,
            CustomerNo = customerNo,
            ShipToName = order.ShipToName,
            ShipToAddress = order.ShipToAddress,
            ShipToCity = order.ShipToCity,
            ShipToPostCode = order.ShipToPostCode,
            ShipToCountryCode = order.ShipToCountryCode,
            OrderDate = DateOnly.FromDateTime(order.ShopifyCreatedAt.UtcDateTime),
            CurrencyCode = order.CurrencyCode,
            Amount = lines.Sum(l => l.LineAmount),
            AmountIncludingTax = lines.Sum(l => l.LineAmount) + order.TotalTax,
            Status = ErpSalesDocumentStatus.Open,
            CreatedAt = now,
            Lines = lines,
        };
        db.ErpSalesDocuments.Add(document);
        return (document, null);
    }
}
