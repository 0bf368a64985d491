using System.Text.Json.Serialization;

namespace ShopSync.Shopify.Client;

/// <summary>A product with variants and images, as read by Sync Products (30108) and Sync Images (30107).</summary>
public sealed record ShopifyProduct(
    string Id,
    string Title,
    string Handle,
    string? Vendor,
    string? ProductType,
    string Status,
    IReadOnlyList<string> Tags,
    string? DescriptionHtml,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    ShopifyConnection<ShopifyVariant> Variants,
    ShopifyConnection<ShopifyImage> Images);

/// <summary>A product variant.</summary>
public sealed record ShopifyVariant(
    string Id,
    string Title,
    string? Sku,
    string? Barcode,
    decimal Price,
    decimal? CompareAtPrice,
    bool Taxable,
    int? InventoryQuantity,
    ShopifyInventoryItemRef InventoryItem,
    DateTimeOffset UpdatedAt);

/// <summary>The inventory item behind a variant.</summary>
public sealed record ShopifyInventoryItemRef(string Id, bool Tracked);

/// <summary>A product image.</summary>
public sealed record ShopifyImage(string Id, string Url, string? AltText, int? Width, int? Height);

/// <summary>
/// Input of <c>productCreate</c> / <c>productUpdate</c> (<see cref="Id"/> required for update). <see cref="ProductOptions"/>
/// is for productCreate only (at most 3 options): Shopify then creates one standalone variant with each option's first value.
/// Without <see cref="Handle"/> Shopify derives one from the title and numbers it when taken; a given handle that is taken
/// is refused with a userError on <c>handle</c>, which makes it an idempotency key.
/// </summary>
public sealed record ShopifyProductInput(
    string? Id = null,
    string? Title = null,
    string? DescriptionHtml = null,
    string? Vendor = null,
    string? ProductType = null,
    string? Status = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyList<ShopifyProductOptionInput>? ProductOptions = null,
    string? Handle = null);

/// <summary>What product mutations return.</summary>
public sealed record ShopifySavedProduct(string Id, string Title, string Handle, ShopifyConnection<ShopifyRef>? Variants);

/// <summary>One entry of <c>productVariantsBulkUpdate</c>: only non-null fields change.</summary>
public sealed record ShopifyVariantUpdate(
    string Id,
    [property: JsonNumberHandling(JsonNumberHandling.WriteAsString)] decimal? Price = null,
    [property: JsonNumberHandling(JsonNumberHandling.WriteAsString)] decimal? CompareAtPrice = null,
    string? Barcode = null,
    ShopifyInventoryItemInput? InventoryItem = null);

/// <summary>Inventory item fields of a variant update (the SKU lives here since 2024-04).</summary>
public sealed record ShopifyInventoryItemInput(string? Sku = null, bool? Tracked = null);

/// <summary>One image of <c>productCreateMedia</c>.</summary>
public sealed record ShopifyMediaInput(string OriginalSource, string? Alt = null, string MediaContentType = "IMAGE");

/// <summary>Media returned by <c>productCreateMedia</c>.</summary>
public sealed record ShopifyCreatedMedia(string? Id, string? Alt, string MediaContentType, string Status);

/// <summary>A variant returned by <c>productVariantsBulkUpdate</c>.</summary>
public sealed record ShopifyUpdatedVariant(string Id, decimal Price, decimal? CompareAtPrice, string? Sku, string? Barcode);
