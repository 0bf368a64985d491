namespace ShopSync.Shopify.Client;

/// <summary>Location and inventory documents (Sync Inventory 30102).</summary>
public static class ShopifyInventoryOperations
{
    /// <summary>The store's locations (at most 50).</summary>
    public static readonly ShopifyOperation<LocationsData> Locations = new(
        "ShopSyncLocations",
        """
        query ShopSyncLocations {
          locations(first: 50) {
            nodes { id name isActive address { city countryCode zip } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """,
        ShopifyJsonContext.Default.LocationsData);

    /// <summary>Inventory levels of one location, page by page.</summary>
    public static readonly ShopifyOperation<InventoryLevelsData> InventoryLevels = new(
        "ShopSyncInventoryLevels",
        """
        query ShopSyncInventoryLevels($locationId: ID!, $first: Int!, $after: String) {
          location(id: $locationId) {
            id
            inventoryLevels(first: $first, after: $after) {
              nodes {
                id updatedAt
                quantities(names: ["available", "on_hand"]) { name quantity }
                item { id sku variant { id } }
              }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        """,
        ShopifyJsonContext.Default.InventoryLevelsData);

    /// <summary>Sets absolute quantities of one name (<c>available</c> or <c>on_hand</c>).</summary>
    public static readonly ShopifyOperation<InventorySetQuantitiesData> InventorySetQuantities = new(
        "ShopSyncInventorySetQuantities",
        """
        mutation ShopSyncInventorySetQuantities($input: InventorySetQuantitiesInput!) {
          inventorySetQuantities(input: $input) {
            inventoryAdjustmentGroup { reason changes { name delta quantityAfterChange item { id } location { id } } }
            userErrors { field message code }
          }
        }
        """,
        ShopifyJsonContext.Default.InventorySetQuantitiesData);

    /// <summary>Sets on-hand quantities.</summary>
    public static readonly ShopifyOperation<InventorySetOnHandQuantitiesData> InventorySetOnHandQuantities = new(
        "ShopSyncInventorySetOnHandQuantities",
        """
        mutation ShopSyncInventorySetOnHandQuantities($input: InventorySetOnHandQuantitiesInput!) {
          inventorySetOnHandQuantities(input: $input) {
            inventoryAdjustmentGroup { reason changes { name delta quantityAfterChange item { id } location { id } } }
            userErrors { field message code }
          }
        }
        """,
        ShopifyJsonContext.Default.InventorySetOnHandQuantitiesData);
}

/// <summary><c>data</c> of <see cref="ShopifyInventoryOperations.Locations"/>.</summary>
public sealed record LocationsData(ShopifyConnection<ShopifyLocation> Locations);

/// <summary><c>data</c> of <see cref="ShopifyInventoryOperations.InventoryLevels"/>.</summary>
public sealed record InventoryLevelsData(InventoryLevelsLocation? Location);

/// <summary>The location part of <see cref="InventoryLevelsData"/>.</summary>
public sealed record InventoryLevelsLocation(string Id, ShopifyConnection<ShopifyInventoryLevel> InventoryLevels);

/// <summary><c>data</c> of <see cref="ShopifyInventoryOperations.InventorySetQuantities"/>.</summary>
public sealed record InventorySetQuantitiesData(InventoryMutationPayload? InventorySetQuantities);

/// <summary><c>data</c> of <see cref="ShopifyInventoryOperations.InventorySetOnHandQuantities"/>.</summary>
public sealed record InventorySetOnHandQuantitiesData(InventoryMutationPayload? InventorySetOnHandQuantities);

/// <summary>Payload of both inventory mutations.</summary>
public sealed record InventoryMutationPayload(ShopifyInventoryAdjustmentGroup? InventoryAdjustmentGroup, IReadOnlyList<ShopifyUserError> UserErrors);
