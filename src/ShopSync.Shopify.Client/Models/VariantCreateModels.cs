using System.Text.Json.Serialization;

namespace ShopSync.Shopify.Client;

/// <summary>A product option of <c>productCreate</c> (<c>OptionCreateInput</c>), e.g. "Size" with Small, Medium.</summary>
public sealed record ShopifyProductOptionInput(string Name, IReadOnlyList<ShopifyOptionValueInput> Values);

/// <summary>One value of a product option (<c>OptionValueCreateInput</c>).</summary>
public sealed record ShopifyOptionValueInput(string Name);

/// <summary>One variant of <c>productVariantsBulkCreate</c> (<c>ProductVariantsBulkInput</c>): its option values, price and SKU.</summary>
public sealed record ShopifyVariantCreateInput(
    IReadOnlyList<ShopifyVariantOptionValueInput> OptionValues,
    [property: JsonNumberHandling(JsonNumberHandling.WriteAsString)] decimal? Price = null,
    string? Barcode = null,
    ShopifyInventoryItemInput? InventoryItem = null);

/// <summary>The value a variant takes for one option (<c>VariantOptionValueInput</c>), both by name.</summary>
public sealed record ShopifyVariantOptionValueInput(string OptionName, string Name);

/// <summary>What <c>productVariantsBulkCreate</c> does with a product's standalone variant.</summary>
public enum ShopifyVariantsCreateStrategy
{
    /// <summary>Shopify's default: deletes a lone "Default Title" variant, keeps a lone custom variant.</summary>
    Default,

    /// <summary>Deletes the lone standalone variant, default or custom (the placeholder productCreate made from the options).</summary>
    RemoveStandaloneVariant,
}

/// <summary>An option value of a variant.</summary>
public sealed record ShopifySelectedOption(string Name, string Value);

/// <summary>A variant returned by <c>productVariantsBulkCreate</c>.</summary>
public sealed record ShopifyCreatedVariant(
    string Id,
    string Title,
    string? Sku,
    decimal Price,
    IReadOnlyList<ShopifySelectedOption> SelectedOptions,
    ShopifyInventoryItemRef? InventoryItem);

/// <summary>
/// The result of <see cref="IShopifyAdminClient.CreateVariantsAsync"/>: one outcome per input variant (all-or-nothing, as
/// Shopify applies the batch), the created variants in input order, and the ids of every variant the product has afterwards
/// (null when it has more than one page of them), so a caller can drop mappings of a removed standalone variant.
/// </summary>
public sealed record ShopifyVariantsCreateResult(
    ShopifyBatchResult Outcome,
    IReadOnlyList<ShopifyCreatedVariant> Variants,
    IReadOnlyList<string>? ProductVariantIds)
{
    /// <summary>True when every variant was created.</summary>
    public bool Succeeded => Outcome.Succeeded;
}
