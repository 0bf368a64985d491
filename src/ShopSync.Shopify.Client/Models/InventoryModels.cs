namespace ShopSync.Shopify.Client;

/// <summary>A store location.</summary>
public sealed record ShopifyLocation(string Id, string Name, bool IsActive, ShopifyLocationAddress? Address);

/// <summary>Location address (<c>LocationAddress</c>).</summary>
public sealed record ShopifyLocationAddress(string? City, string? CountryCode, string? Zip);

/// <summary>An inventory level: quantities of one item at one location.</summary>
public sealed record ShopifyInventoryLevel(string Id, IReadOnlyList<ShopifyNamedQuantity> Quantities, ShopifyInventoryLevelItem Item, DateTimeOffset UpdatedAt)
{
    /// <summary>The quantity of a name such as <c>available</c> or <c>on_hand</c>; null when not read.</summary>
    public int? Quantity(string name) => Quantities.FirstOrDefault(q => q.Name == name)?.Quantity;
}

/// <summary>A named quantity (available, on_hand, committed...).</summary>
public sealed record ShopifyNamedQuantity(string Name, int Quantity);

/// <summary>The inventory item of a level, with its SKU and variant.</summary>
public sealed record ShopifyInventoryLevelItem(string Id, string? Sku, ShopifyRef? Variant);

/// <summary>One absolute quantity to set for an item at a location.</summary>
public sealed record ShopifyInventoryQuantityInput(string InventoryItemId, string LocationId, int Quantity, int? CompareQuantity = null);

/// <summary><c>InventorySetQuantitiesInput</c>.</summary>
public sealed record InventorySetQuantitiesInput(string Name, string Reason, bool IgnoreCompareQuantity, IReadOnlyList<ShopifyInventoryQuantityInput> Quantities, string? ReferenceDocumentUri);

/// <summary><c>InventorySetOnHandQuantitiesInput</c>.</summary>
public sealed record InventorySetOnHandQuantitiesInput(string Reason, IReadOnlyList<InventorySetQuantityInput> SetQuantities, string? ReferenceDocumentUri);

/// <summary><c>InventorySetQuantityInput</c> (on-hand variant).</summary>
public sealed record InventorySetQuantityInput(string InventoryItemId, string LocationId, int Quantity);

/// <summary>One change of an inventory adjustment group.</summary>
public sealed record ShopifyInventoryChange(string Name, int Delta, int? QuantityAfterChange, ShopifyRef Item, ShopifyRef Location);

/// <summary>The adjustment group returned by inventory mutations.</summary>
public sealed record ShopifyInventoryAdjustmentGroup(string? Reason, IReadOnlyList<ShopifyInventoryChange> Changes);
