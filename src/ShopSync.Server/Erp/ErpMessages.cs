using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using ShopSync.Server.Grpc;
using ShopSync.Connector.Erp;
using V1 = ShopSync.Contracts.V1;

namespace ShopSync.Server.Erp;

/// <summary>erp_book.proto messages ↔ ERP book records; decimals travel as invariant text.</summary>
internal static class ErpMessages
{
    public static decimal Decimal(string field, string text, decimal? empty = null)
    {
        if (text.Length == 0 && empty is { } fallback)
        {
            return fallback;
        }
        return decimal.TryParse(text, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw RpcErrors.InvalidArgument(field, $"'{ShopSync.Queue.Entries.RequestLimits.Quote(text)}' is not a decimal (use a point, e.g. 12.50)");
    }

    public static decimal? OptionalDecimal(string field, string text) => text.Length == 0 ? null : Decimal(field, text);

    public static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static ErpItemInput ToInput(V1.ErpItem item, int i) => new(
        item.No, item.Description, item.Sku, item.Barcode, Decimal($"items[{i}].unit_price", item.UnitPrice, 0), item.Vendor, item.ItemCategory, item.Blocked,
        item.Variants.Select((v, j) => new ErpVariantInput(v.Code, v.Description, v.Sku, v.Barcode, OptionalDecimal($"items[{i}].variants[{j}].unit_price", v.UnitPrice))).ToList());

    public static ErpCustomerInput ToInput(V1.ErpCustomer c) =>
        new(c.No, c.Name, c.Email, c.Phone, c.Address, c.City, c.PostCode, c.CountryCode, c.PriceGroup, c.Blocked);

    public static V1.ErpDocument ToMessage(ErpDocumentView d)
    {
        var message = new V1.ErpDocument
        {
            DocumentType = (V1.ErpDocumentType)(int)d.Kind,
            No = d.No,
            ShopCode = d.ShopCode ?? "",
            ShopifyOrderNo = d.ShopifyOrderNo ?? "",
            ShopifyOrderId = d.ShopifyOrderId ?? "",
            CustomerNo = d.CustomerNo,
            Status = d.Status,
            CurrencyCode = d.CurrencyCode,
            Amount = Text(d.Amount),
            AmountIncludingTax = Text(d.AmountIncludingTax),
            PostingDate = d.PostingDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            SourceDocumentNo = d.SourceDocumentNo ?? "",
            TrackingNumber = d.TrackingNumber ?? "",
            FulfillmentState = d.FulfillmentState is { } state ? (V1.FulfillmentState)(int)state : V1.FulfillmentState.Unspecified,
            FulfillmentError = d.FulfillmentError ?? "",
            CreatedAt = Timestamp.FromDateTimeOffset(d.CreatedAt),
        };
        message.Lines.AddRange(d.Lines.Select(l => new V1.ErpDocumentLine
        {
            LineNo = l.LineNo,
            ItemNo = l.ItemNo ?? "",
            VariantCode = l.VariantCode,
            Description = l.Description,
            Quantity = Text(l.Quantity),
            UnitPrice = Text(l.UnitPrice),
            LineAmount = Text(l.LineAmount),
        }));
        return message;
    }
}
