namespace ShopSync.Shopify.Sandbox;

/// <summary>A variant of a product as the store holds it, for assertions.</summary>
/// <param name="Id">The variant's gid.</param>
/// <param name="Title">Its title: the option values joined by " / " ("Default Title" for a product without options).</param>
/// <param name="Sku">The SKU, or null.</param>
/// <param name="Price">The price.</param>
/// <param name="SelectedOptions">Option name → value.</param>
/// <param name="InventoryItemId">The inventory item's gid.</param>
public sealed record SandboxVariantRecord(
    string Id, string Title, string? Sku, decimal Price, IReadOnlyList<KeyValuePair<string, string>> SelectedOptions, string InventoryItemId);
