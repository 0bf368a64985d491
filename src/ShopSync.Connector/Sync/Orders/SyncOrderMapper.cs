using ShopSync.Shopify.Client;

namespace ShopSync.Connector.Sync;

/// <summary>Copies a Shopify order onto its staging row.</summary>
internal static class SyncOrderMapper
{
    public static bool IsHighRisk(ShopifyOrder order) =>
        order.Risk is { } risk && (risk.Recommendation == "CANCEL" || risk.Assessments.Any(a => a.RiskLevel == "HIGH"));

    public static string Tags(ShopifyOrder order) => string.Join(", ", order.Tags);

    public static void Apply(SyncOrderEntity row, ShopifyOrder order, IReadOnlyList<ShopifyLineItem> lines)
    {
        row.ShopifyOrderId = order.Id;
        row.OrderNo = ShopifyStatusNames.OrderNo(order.Name);
        row.ShopifyCreatedAt = order.CreatedAt;
        row.ShopifyUpdatedAt = order.UpdatedAt;
        row.CancelledAt = order.CancelledAt;
        row.Confirmed = order.Confirmed;
        row.Test = order.Test;
        row.FinancialStatus = ShopifyStatusNames.Display(order.DisplayFinancialStatus);
        row.FulfillmentStatus = ShopifyStatusNames.Display(order.DisplayFulfillmentStatus);
        row.FullyPaid = order.FullyPaid;
        row.Channel = order.ChannelInformation?.ChannelDefinition?.Handle ?? order.SourceName;
        row.Tags = Tags(order);
        row.HighRisk = IsHighRisk(order);
        row.RiskLevel = order.Risk?.Assessments.Select(a => a.RiskLevel).FirstOrDefault();
        row.Email = order.Email ?? order.Customer?.Email;
        row.Phone = order.Phone ?? order.Customer?.Phone;
        row.ShopifyCustomerId = order.Customer?.Id;
        row.CustomerFirstName = order.Customer?.FirstName ?? order.BillingAddress?.FirstName;
        row.CustomerLastName = order.Customer?.LastName ?? order.BillingAddress?.LastName;
        row.SellToCountryCode = order.BillingAddress?.CountryCodeV2 ?? order.ShippingAddress?.CountryCodeV2;
        row.BillToCountryCode = order.BillingAddress?.CountryCodeV2;
        row.ShipToCountryCode = order.ShippingAddress?.CountryCodeV2;
        var ship = order.ShippingAddress;
        row.ShipToName = ship is null ? null : $"{ship.FirstName} {ship.LastName}".Trim();
        row.ShipToAddress = ship?.Address1;
        row.ShipToCity = ship?.City;
        row.ShipToPostCode = ship?.Zip;
        row.CurrencyCode = order.CurrencyCode;
        row.Subtotal = order.SubtotalPriceSet.ShopMoney.Amount;
        row.TotalTax = order.TotalTaxSet.ShopMoney.Amount;
        row.TotalShipping = order.TotalShippingPriceSet.ShopMoney.Amount;
        row.Total = order.TotalPriceSet.ShopMoney.Amount;
        row.TotalOutstanding = order.TotalOutstandingSet.ShopMoney.Amount;
        // Lines are updated in place by position: removing and re-adding rows with the same key in one unit of work is not allowed.
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var target = row.Lines.FirstOrDefault(l => l.LineNo == i + 1);
            if (target is null)
            {
                target = new SyncOrderLineEntity { LineNo = i + 1 };
                row.Lines.Add(target);
            }
            target.ShopifyLineItemId = line.Id;
            target.Name = line.Name;
            target.Sku = line.Sku;
            target.ShopifyVariantId = line.Variant?.Id;
            target.ShopifyProductId = line.Product?.Id;
            target.Quantity = line.Quantity;
            target.CurrentQuantity = line.CurrentQuantity;
            target.UnitPrice = line.OriginalUnitPriceSet.ShopMoney.Amount;
            target.DiscountedTotal = line.DiscountedTotalSet.ShopMoney.Amount;
        }
        row.Lines.RemoveAll(l => l.LineNo > lines.Count);
    }
}
