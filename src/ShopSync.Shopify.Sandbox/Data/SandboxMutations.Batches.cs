using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Sandbox;

/// <summary>Batch mutations: variants, media, inventory and price lists.</summary>
internal static partial class SandboxMutations
{
    private static object VariantsBulkUpdate(SandboxMutationContext context)
    {
        var product = SandboxData.ById(context.Data.Products, SandboxMutationContext.Text(context.Argument("productId")));
        if (product is null)
        {
            context.Error("Product does not exist", "PRODUCT_DOES_NOT_EXIST", "productId");
            return context.Payload(values: ("productVariants", null));
        }

        var variants = product["variants"]!.AsArray().OfType<JsonObject>().ToList();
        var planned = new List<(JsonObject Variant, JsonObject Input)>();
        foreach (var (index, input) in SandboxMutationContext.Items(context.Argument("variants")))
        {
            var variant = SandboxData.ById(variants, SandboxMutationContext.Text(input["id"]));
            if (variant is null)
            {
                context.Error("Product variant does not exist", "PRODUCT_VARIANT_DOES_NOT_EXIST", "variants", index, "id");
                continue;
            }

            if (input.ContainsKey("price") && SandboxMutationContext.Decimal(input["price"]) is not ({ } price and >= 0))
            {
                context.Error("Price must be greater than or equal to 0", "GREATER_THAN_OR_EQUAL_TO", "variants", index, "price");
                continue;
            }

            planned.Add((variant, input));
        }

        if (context.UserErrors.Count > 0)
        {
            return context.Payload(values: ("productVariants", null));
        }

        var updated = new List<JsonObject>();
        foreach (var (variant, input) in planned)
        {
            if (SandboxMutationContext.Decimal(input["price"]) is { } price)
            {
                variant["price"] = Money(price);
            }

            if (input.ContainsKey("compareAtPrice"))
            {
                variant["compareAtPrice"] = SandboxMutationContext.Decimal(input["compareAtPrice"]) is { } compare ? Money(compare) : null;
            }

            if (input.ContainsKey("barcode"))
            {
                variant["barcode"] = SandboxMutationContext.Text(input["barcode"]);
            }

            if (input["inventoryItem"] is JsonObject item && item.ContainsKey("sku"))
            {
                variant["sku"] = SandboxMutationContext.Text(item["sku"]);
            }

            variant["updatedAt"] = context.NowText;
            updated.Add(variant);
        }

        product["updatedAt"] = context.NowText;
        return context.Payload(values: ("productVariants", updated));
    }

    private static object CreateMedia(SandboxMutationContext context)
    {
        var product = SandboxData.ById(context.Data.Products, SandboxMutationContext.Text(context.Argument("productId")));
        if (product is null)
        {
            context.Error("Product does not exist", "PRODUCT_DOES_NOT_EXIST", "productId");
            return context.Payload("mediaUserErrors", ("media", null));
        }

        var created = new List<JsonObject>();
        foreach (var (index, input) in SandboxMutationContext.Items(context.Argument("media")))
        {
            var source = SandboxMutationContext.Text(input["originalSource"]);
            if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                context.Error("Image URL is invalid", "INVALID", "media", index, "originalSource");
                continue;
            }

            var id = context.Data.NewId("MediaImage");
            var alt = SandboxMutationContext.Text(input["alt"]);
            product["images"]!.AsArray().Add(new JsonObject { ["id"] = id, ["url"] = source, ["altText"] = alt, ["width"] = 1024, ["height"] = 1024 });
            created.Add(new JsonObject { ["id"] = id, ["alt"] = alt, ["mediaContentType"] = "IMAGE", ["status"] = "UPLOADED" });
        }

        product["updatedAt"] = context.NowText;
        return context.Payload("mediaUserErrors", ("media", created));
    }

    private static object SetQuantities(SandboxMutationContext context, bool onHandOnly)
    {
        var input = context.ObjectArgument("input");
        var name = onHandOnly ? "on_hand" : SandboxMutationContext.Text(input["name"]);
        var listField = onHandOnly ? "setQuantities" : "quantities";
        var ignoreCompare = onHandOnly || input["ignoreCompareQuantity"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
        if (name is not ("available" or "on_hand"))
        {
            context.Error("The quantity name must be either 'available' or 'on_hand'.", "INVALID_NAME", "input", "name");
            return context.Payload(values: ("inventoryAdjustmentGroup", null));
        }

        var planned = new List<(JsonObject Level, string LocationId, int Quantity)>();
        foreach (var (index, quantity) in SandboxMutationContext.Items(input[listField]))
        {
            var locationId = SandboxMutationContext.Text(quantity["locationId"]);
            var location = SandboxData.ById(context.Data.Locations, locationId);
            if (location is null)
            {
                context.Error("The specified location could not be found.", "INVALID_LOCATION", "input", listField, index, "locationId");
                continue;
            }

            var itemId = SandboxMutationContext.Text(quantity["inventoryItemId"]);
            var level = location["inventoryLevels"]!.AsArray().OfType<JsonObject>().FirstOrDefault(l => l["item"]!["id"]!.GetValue<string>() == itemId);
            if (level is null)
            {
                context.Error("The specified inventory item could not be found.", "INVALID_INVENTORY_ITEM", "input", listField, index, "inventoryItemId");
                continue;
            }

            var value = SandboxMutationContext.Int(quantity["quantity"]);
            if (value is null or > 1_000_000_000 or < -1_000_000_000)
            {
                context.Error("The quantity is invalid.", "INVALID_QUANTITY", "input", listField, index, "quantity");
                continue;
            }

            if (!ignoreCompare && SandboxMutationContext.Int(quantity["compareQuantity"]) is { } expected && expected != Read(level, name))
            {
                context.Error("The compareQuantity argument no longer matches the persisted quantity.", "COMPARE_QUANTITY_STALE", "input", listField, index, "compareQuantity");
                continue;
            }

            planned.Add((level, locationId!, value.Value));
        }

        if (context.UserErrors.Count > 0)
        {
            return context.Payload(values: ("inventoryAdjustmentGroup", null));
        }

        var changes = new JsonArray();
        foreach (var (level, locationId, quantity) in planned)
        {
            var committed = Read(level, "committed");
            var before = Read(level, name);
            Write(level, "available", name == "available" ? quantity : quantity - committed);
            Write(level, "on_hand", name == "on_hand" ? quantity : quantity + committed);
            level["updatedAt"] = context.NowText;
            var variant = context.Data.Variant(level["item"]!["variant"]!["id"]!.GetValue<string>());
            if (variant is not null)
            {
                variant["inventoryQuantity"] = context.Data.Locations
                    .SelectMany(l => l["inventoryLevels"]!.AsArray().OfType<JsonObject>())
                    .Where(l => l["item"]!["id"]!.GetValue<string>() == level["item"]!["id"]!.GetValue<string>())
                    .Sum(l => Read(l, "available"));
            }

            changes.Add(new JsonObject
            {
                ["name"] = name,
                ["delta"] = quantity - before,
                ["quantityAfterChange"] = quantity,
                ["item"] = new JsonObject { ["id"] = level["item"]!["id"]!.GetValue<string>() },
                ["location"] = new JsonObject { ["id"] = locationId },
            });
        }

        var group = new JsonObject { ["reason"] = SandboxMutationContext.Text(input["reason"]) ?? "correction", ["changes"] = changes };
        return context.Payload(values: ("inventoryAdjustmentGroup", group));
    }

    private static int Read(JsonObject level, string name) =>
        level["quantities"]!.AsArray().OfType<JsonObject>().FirstOrDefault(q => q["name"]!.GetValue<string>() == name)?["quantity"]?.GetValue<int>() ?? 0;

    private static void Write(JsonObject level, string name, int value)
    {
        var entry = level["quantities"]!.AsArray().OfType<JsonObject>().FirstOrDefault(q => q["name"]!.GetValue<string>() == name);
        if (entry is null)
        {
            level["quantities"]!.AsArray().Add(Quantity(name, value));
        }
        else
        {
            entry["quantity"] = value;
        }
    }

    private static object PriceListFixedPricesAdd(SandboxMutationContext context)
    {
        var priceList = SandboxData.ById(context.Data.PriceLists, SandboxMutationContext.Text(context.Argument("priceListId")));
        if (priceList is null)
        {
            context.Error("Price list does not exist.", "PRICE_LIST_NOT_FOUND", "priceListId");
            return context.Payload(values: ("prices", null));
        }

        var currency = priceList["currency"]!.GetValue<string>();
        var planned = new List<(string VariantId, decimal Price, decimal? Compare)>();
        foreach (var (index, input) in SandboxMutationContext.Items(context.Argument("prices")))
        {
            var variantId = SandboxMutationContext.Text(input["variantId"]);
            if (variantId is null || context.Data.Variant(variantId) is null)
            {
                context.Error("Variant ID doesn't exist.", "VARIANT_NOT_FOUND", "prices", index, "variantId");
                continue;
            }

            var price = input["price"] as JsonObject;
            if (SandboxMutationContext.Text(price?["currencyCode"]) != currency)
            {
                context.Error($"The price currency must match the price list currency ({currency}).", "PRICES_TO_ADD_CURRENCY_MISMATCH", "prices", index, "price", "currencyCode");
                continue;
            }

            if (SandboxMutationContext.Decimal(price?["amount"]) is not ({ } amount and >= 0))
            {
                context.Error("The price amount is invalid.", "INVALID", "prices", index, "price", "amount");
                continue;
            }

            planned.Add((variantId, amount, SandboxMutationContext.Decimal((input["compareAtPrice"] as JsonObject)?["amount"])));
        }

        if (context.UserErrors.Count > 0)
        {
            return context.Payload(values: ("prices", null));
        }

        var prices = priceList["prices"]!.AsArray();
        var added = new List<JsonObject>();
        foreach (var (variantId, amount, compare) in planned)
        {
            var existing = prices.OfType<JsonObject>().FirstOrDefault(p => p["variant"]!["id"]!.GetValue<string>() == variantId);
            if (existing is not null)
            {
                prices.Remove(existing);
            }

            var entry = new JsonObject
            {
                ["variant"] = new JsonObject { ["id"] = variantId },
                ["price"] = context.Data.Money(amount),
                ["compareAtPrice"] = compare is { } c ? context.Data.Money(c) : null,
                ["originType"] = "FIXED",
            };
            prices.Add(entry);
            added.Add(entry);
        }

        return context.Payload(values: ("prices", added));
    }
}
