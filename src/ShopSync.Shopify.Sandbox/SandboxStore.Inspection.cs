using System.Globalization;
using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Sandbox;

/// <summary>Read-outs and edits for tests and demos: what ShopSync changed, and changes "made in Shopify".</summary>
public sealed partial class SandboxStore
{
    /// <summary>Number of orders.</summary>
    public int OrderCount => Read(d => d.Orders.Count);

    /// <summary>Number of products.</summary>
    public int ProductCount => Read(d => d.Products.Count);

    /// <summary>Number of customers.</summary>
    public int CustomerCount => Read(d => d.Customers.Count);

    /// <summary>Number of B2B companies.</summary>
    public int CompanyCount => Read(d => d.Companies.Count);

    /// <summary>Ids of the companies with this external id (Shopify keeps it unique, so at most one).</summary>
    public IReadOnlyList<string> GetCompanyIds(string externalId) =>
        Read(d => d.Companies.Where(c => Text(c["externalId"]) == externalId).Select(c => Text(c["id"])!).ToList());

    /// <summary>The e-mail of a company's main contact; null when it has none or is unknown.</summary>
    public string? GetCompanyContactEmail(string companyId) =>
        Read(d => Text(SandboxData.ById(d.Companies, companyId)?["mainContact"]?["customer"]?["email"]));

    /// <summary>Location ids (two seeded locations).</summary>
    public IReadOnlyList<string> LocationIds => Read(d => d.Locations.Select(l => Text(l["id"])!).ToList());

    /// <summary>Order ids in id order.</summary>
    public IReadOnlyList<string> OrderIds => Read(d => d.Orders.Select(o => Text(o["id"])!).ToList());

    /// <summary>Inventory item ids of all variants.</summary>
    public IReadOnlyList<string> InventoryItemIds =>
        Read(d => d.Products.SelectMany(p => p["variants"]!.AsArray().OfType<JsonObject>()).Select(v => Text(v["inventoryItem"]!["id"])!).ToList());

    /// <summary>A named quantity (available, on_hand, committed) of an item at a location; null when unknown.</summary>
    public int? GetInventoryQuantity(string inventoryItemId, string locationId, string name = "available") => Read(d =>
    {
        var level = SandboxData.ById(d.Locations, locationId)?["inventoryLevels"]!.AsArray().OfType<JsonObject>()
            .FirstOrDefault(l => Text(l["item"]!["id"]) == inventoryItemId);
        return level?["quantities"]!.AsArray().OfType<JsonObject>().FirstOrDefault(q => Text(q["name"]) == name)?["quantity"]?.GetValue<int>();
    });

    /// <summary>The order's displayFulfillmentStatus; null when unknown.</summary>
    public string? GetOrderFulfillmentStatus(string orderId) => Read(d => Text(SandboxData.ById(d.Orders, orderId)?["displayFulfillmentStatus"]));

    /// <summary>A variant's price; null when unknown.</summary>
    public decimal? GetVariantPrice(string variantId) => Read(d =>
        Text(d.Variant(variantId)?["price"]) is { } price ? decimal.Parse(price, CultureInfo.InvariantCulture) : (decimal?)null);

    /// <summary>The variants of a product, in creation order (empty when the product is unknown).</summary>
    public IReadOnlyList<SandboxVariantRecord> GetProductVariants(string productId) => Read(d =>
        SandboxData.ById(d.Products, productId)?["variants"]!.AsArray().OfType<JsonObject>().Select(v => new SandboxVariantRecord(
            Text(v["id"])!,
            Text(v["title"])!,
            Text(v["sku"]),
            decimal.Parse(Text(v["price"])!, CultureInfo.InvariantCulture),
            (v["selectedOptions"] as JsonArray ?? []).OfType<JsonObject>().Select(o => new KeyValuePair<string, string>(Text(o["name"])!, Text(o["value"])!)).ToList(),
            Text(v["inventoryItem"]!["id"])!)).ToList() ?? []);

    /// <summary>Ids of the products with this title, oldest first.</summary>
    public IReadOnlyList<string> FindProductIds(string title) =>
        Read(d => d.Products.Where(p => Text(p["title"]) == title).Select(p => Text(p["id"])!).ToList());

    /// <summary>A fixed price of a variant in a price list; null when none.</summary>
    public decimal? GetFixedPrice(string priceListId, string variantId) => Read(d =>
    {
        var entry = SandboxData.ById(d.PriceLists, priceListId)?["prices"]!.AsArray().OfType<JsonObject>()
            .FirstOrDefault(p => Text(p["variant"]!["id"]) == variantId);
        return Text(entry?["price"]?["amount"]) is { } amount ? decimal.Parse(amount, CultureInfo.InvariantCulture) : (decimal?)null;
    });

    /// <summary>True when a customer with this e-mail exists.</summary>
    public bool HasCustomer(string email) =>
        Read(d => d.Customers.Any(c => string.Equals(Text(c["email"]), email, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Images (URLs) of a product.</summary>
    public IReadOnlyList<string> GetProductImageUrls(string productId) =>
        Read(d => SandboxData.ById(d.Products, productId)?["images"]!.AsArray().OfType<JsonObject>().Select(i => Text(i["url"])!).ToList() ?? []);

    /// <summary>Fulfillments received, oldest first.</summary>
    public IReadOnlyList<SandboxFulfillmentRecord> Fulfillments => Read(d => d.Fulfillments.Select(f =>
    {
        var tracking = f["trackingInfo"]!.AsArray().OfType<JsonObject>().FirstOrDefault();
        return new SandboxFulfillmentRecord(
            Text(f["id"])!,
            Text(f["orderId"])!,
            Text(tracking?["company"]),
            Text(tracking?["number"]),
            Text(tracking?["url"]),
            f["lines"]!.AsArray().OfType<JsonObject>()
                .Select(l => new KeyValuePair<string, int>(Text(l["fulfillmentOrderLineItemId"])!, l["quantity"]!.GetValue<int>())).ToList());
    }).ToList());

    /// <summary>Simulates an edit made in Shopify: the order's updatedAt becomes now (so an incremental sync picks it up).</summary>
    public bool TouchOrder(string orderId, string? addTag = null)
    {
        lock (sync)
        {
            var order = SandboxData.ById(data.Orders, orderId);
            if (order is null)
            {
                return false;
            }

            order["updatedAt"] = SandboxData.Timestamp(Options.TimeProvider.GetUtcNow());
            if (addTag is not null)
            {
                order["tags"]!.AsArray().Add(addTag);
            }

            return true;
        }
    }
}
