using System.Text.Json.Nodes;
using ShopSync.Shopify.Client;

namespace ShopSync.Shopify.Sandbox;

/// <summary>
/// Product options and productVariantsBulkCreate (API 2024-04+): variants are identified by their option values; a
/// combination that already exists is refused; the standalone variant is removed per the strategy (REMOVE_STANDALONE_VARIANT:
/// always; DEFAULT: only a "Default Title" one), after which the product's options follow the new variants' option names.
/// </summary>
internal static partial class SandboxMutations
{
    private const string DefaultTitle = "Default Title";

    private static object VariantsBulkCreate(SandboxMutationContext context)
    {
        var product = SandboxData.ById(context.Data.Products, SandboxMutationContext.Text(context.Argument("productId")));
        if (product is null)
        {
            context.Error("Product does not exist", "PRODUCT_DOES_NOT_EXIST", "productId");
            return context.Payload(values: [("product", null), ("productVariants", null)]);
        }

        var strategy = SandboxMutationContext.Text(context.Argument("strategy")) ?? "DEFAULT";
        var variants = product["variants"]!.AsArray();
        var standalone = variants.Count == 1 ? (JsonObject)variants[0]! : null;
        var remove = standalone is not null
            && (strategy == "REMOVE_STANDALONE_VARIANT" || (strategy == "DEFAULT" && SandboxMutationContext.Text(standalone["title"]) == DefaultTitle));
        var inputs = SandboxMutationContext.Items(context.Argument("variants")).ToList();
        var optionNames = remove
            ? inputs.SelectMany(i => SandboxMutationContext.Items(i.Item["optionValues"])).Select(v => SandboxMutationContext.Text(v.Item["optionName"]) ?? "").Distinct().ToList()
            : product["options"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()).ToList();
        var taken = variants.OfType<JsonObject>().Where(v => !remove).Select(v => Combination(v["selectedOptions"]!.AsArray().Select(o => (o!["name"]!.GetValue<string>(), o["value"]!.GetValue<string>())), optionNames)).ToHashSet();
        var planned = new List<(JsonObject Input, List<(string Name, string Value)> Selected)>();
        foreach (var (index, input) in inputs)
        {
            var selected = SandboxMutationContext.Items(input["optionValues"])
                .Select(v => (Name: SandboxMutationContext.Text(v.Item["optionName"]) ?? "", Value: SandboxMutationContext.Text(v.Item["name"]) ?? "")).ToList();
            var unknown = selected.FindIndex(s => !optionNames.Contains(s.Name) || s.Value.Length == 0);
            if (unknown >= 0)
            {
                context.Error($"Option '{selected[unknown].Name}' does not exist", "OPTION_DOES_NOT_EXIST", "variants", index, "optionValues", unknown);
                continue;
            }

            if (selected.Select(s => s.Name).Distinct().Count() != optionNames.Count || selected.Count != optionNames.Count)
            {
                context.Error("Variant options are not enough", "NEED_TO_ADD_OPTION_VALUES", "variants", index, "optionValues");
                continue;
            }

            if (input.ContainsKey("price") && SandboxMutationContext.Decimal(input["price"]) is not ({ } price and >= 0))
            {
                context.Error("Price must be greater than or equal to 0", "GREATER_THAN_OR_EQUAL_TO", "variants", index, "price");
                continue;
            }

            if (!taken.Add(Combination(selected, optionNames)))
            {
                var title = string.Join(" / ", optionNames.Select(n => selected.First(s => s.Name == n).Value));
                context.Error($"The variant '{title}' already exists. Please change at least one option value.", "VARIANT_ALREADY_EXISTS_CHANGE_OPTION_VALUE", "variants", index);
                continue;
            }

            planned.Add((input, optionNames.Select(n => selected.First(s => s.Name == n)).ToList()));
        }

        if (optionNames.Count > 3)
        {
            context.Error("Products can have at most 3 options", "INVALID_INPUT", "variants");
        }

        if (context.UserErrors.Count > 0)
        {
            return context.Payload(values: [("product", null), ("productVariants", null)]);
        }

        if (remove)
        {
            RemoveVariant(context.Data, product, standalone!);
        }

        var productId = product["id"]!.GetValue<string>();
        var productTitle = product["title"]!.GetValue<string>();
        var created = new List<JsonObject>();
        foreach (var (input, selected) in planned)
        {
            var variant = NewVariant(context, productId, productTitle, selected, SandboxMutationContext.Text((input["inventoryItem"] as JsonObject)?["sku"]),
                SandboxMutationContext.Text(input["barcode"]), SandboxMutationContext.Decimal(input["price"]) ?? 0);
            variants.Add(variant);
            created.Add(variant);
        }

        product["options"] = OptionsOf(variants, optionNames);
        product["updatedAt"] = context.NowText;
        return context.Payload(values: [("product", product), ("productVariants", created)]);
    }

    /// <summary>The productOptions of productCreate, validated; none gives Shopify's lone "Title" option.</summary>
    private static JsonArray ProductOptions(SandboxMutationContext context, JsonNode? input)
    {
        var options = new JsonArray();
        foreach (var (index, option) in SandboxMutationContext.Items(input))
        {
            var name = SandboxMutationContext.Text(option["name"]);
            var values = SandboxMutationContext.Items(option["values"]).Select(v => SandboxMutationContext.Text(v.Item["name"])).ToList();
            if (string.IsNullOrWhiteSpace(name) || values.Count == 0 || values.Any(string.IsNullOrWhiteSpace))
            {
                context.Error("Option name and values can't be blank", "BLANK", "productOptions", index);
            }
            else if (values.Distinct(StringComparer.OrdinalIgnoreCase).Count() != values.Count)
            {
                context.Error($"Duplicated option value for option '{name}'", "OPTION_VALUE_ALREADY_EXISTS", "productOptions", index, "values");
            }
            else if (options.Any(o => string.Equals(o!["name"]!.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase)))
            {
                context.Error($"Option '{name}' already exists", "OPTION_ALREADY_EXISTS", "productOptions", index, "name");
            }
            else
            {
                options.Add(Option(name, values!));
            }
        }

        if (options.Count > 3)
        {
            context.Error("Products can have at most 3 options", "OPTIONS_OVER_LIMIT", "productOptions");
        }

        return options.Count > 0 ? options : [Option("Title", [DefaultTitle])];
    }

    /// <summary>A new variant with its inventory item, stocked at 0 at every location.</summary>
    private static JsonObject NewVariant(
        SandboxMutationContext context, string productId, string productTitle, IReadOnlyList<(string Name, string Value)> selected, string? sku, string? barcode, decimal price)
    {
        var data = context.Data;
        var variantId = data.NewId("ProductVariant");
        var inventoryItemId = data.NewId("InventoryItem");
        foreach (var location in data.Locations)
        {
            location["inventoryLevels"]!.AsArray().Add(new JsonObject
            {
                ["id"] = $"gid://shopify/InventoryLevel/{location["id"]!.GetValue<string>().Split('/')[^1]}?inventory_item_id={inventoryItemId.Split('/')[^1]}",
                ["updatedAt"] = context.NowText,
                ["quantities"] = new JsonArray(Quantity("available", 0), Quantity("committed", 0), Quantity("on_hand", 0)),
                ["item"] = new JsonObject { ["id"] = inventoryItemId, ["sku"] = sku, ["variant"] = new JsonObject { ["id"] = variantId } },
            });
        }

        return new JsonObject
        {
            ["id"] = variantId,
            ["title"] = string.Join(" / ", selected.Select(s => s.Value)),
            ["sku"] = sku,
            ["barcode"] = barcode,
            ["price"] = Money(price),
            ["compareAtPrice"] = null,
            ["taxable"] = true,
            ["inventoryQuantity"] = 0,
            ["updatedAt"] = context.NowText,
            ["selectedOptions"] = new JsonArray(selected.Select(s => (JsonNode)new JsonObject { ["name"] = s.Name, ["value"] = s.Value }).ToArray()),
            ["inventoryItem"] = new JsonObject { ["id"] = inventoryItemId, ["tracked"] = true },
            ["product"] = new JsonObject { ["id"] = productId, ["title"] = productTitle },
        };
    }

    private static void RemoveVariant(SandboxData data, JsonObject product, JsonObject variant)
    {
        product["variants"]!.AsArray().Remove(variant);
        var inventoryItemId = variant["inventoryItem"]!["id"]!.GetValue<string>();
        foreach (var levels in data.Locations.Select(l => l["inventoryLevels"]!.AsArray()))
        {
            foreach (var level in levels.OfType<JsonObject>().Where(l => l["item"]!["id"]!.GetValue<string>() == inventoryItemId).ToList())
            {
                levels.Remove(level);
            }
        }
    }

    /// <summary>Options as the variants use them, values in first-use order.</summary>
    private static JsonArray OptionsOf(JsonArray variants, IReadOnlyList<string> names) => new(names.Select(name => (JsonNode)Option(name,
        variants.OfType<JsonObject>().Select(v => v["selectedOptions"]!.AsArray().First(o => o!["name"]!.GetValue<string>() == name)!["value"]!.GetValue<string>()).Distinct().ToList())).ToArray());

    private static JsonObject Option(string name, IReadOnlyList<string> values) => new()
    {
        ["name"] = name,
        ["values"] = new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
    };

    private static string Combination(IEnumerable<(string Name, string Value)> selected, IReadOnlyList<string> names)
    {
        var byName = selected.ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);
        return string.Join("\u001f", names.Select(n => byName.GetValueOrDefault(n, "").ToLowerInvariant()));
    }

    /// <summary>The title's handle, made unique the way Shopify does ("-1", "-2"…).</summary>
    private static string UniqueHandle(SandboxData data, string title)
    {
        var handle = ShopifyHandles.FromTitle(title);
        var taken = data.Products.Select(p => SandboxMutationContext.Text(p["handle"])).ToHashSet(StringComparer.Ordinal);
        var candidate = handle;
        for (var n = 1; taken.Contains(candidate); n++)
        {
            candidate = $"{handle}-{n}";
        }

        return candidate;
    }
}
