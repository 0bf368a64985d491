namespace ShopSync.Shopify.Client;

/// <summary>Product, price and image documents (Sync Products 30108, Sync Images 30107).</summary>
public static class ShopifyProductOperations
{
    /// <summary>Products page sorted by UPDATED_AT, with up to 20 variants and 10 images each.</summary>
    public static readonly ShopifyOperation<ProductsData> Products = new(
        "ShopSyncProducts",
        """
        query ShopSyncProducts($first: Int!, $after: String, $query: String) {
          products(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
            nodes {
              id title handle vendor productType status tags descriptionHtml createdAt updatedAt
              variants(first: 20) {
                nodes {
                  id title sku barcode price compareAtPrice taxable inventoryQuantity updatedAt
                  inventoryItem { id tracked }
                }
                pageInfo { hasNextPage endCursor }
              }
              images(first: 10) {
                nodes { id url altText width height }
                pageInfo { hasNextPage endCursor }
              }
            }
            pageInfo { hasNextPage endCursor }
          }
        }
        """,
        ShopifyJsonContext.Default.ProductsData);

    /// <summary>Creates a product (Shopify adds one default variant).</summary>
    public static readonly ShopifyOperation<ProductCreateData> ProductCreate = new(
        "ShopSyncProductCreate",
        """
        mutation ShopSyncProductCreate($product: ProductCreateInput!) {
          productCreate(product: $product) {
            product { id title handle variants(first: 1) { nodes { id } pageInfo { hasNextPage endCursor } } }
            userErrors { field message }
          }
        }
        """,
        ShopifyJsonContext.Default.ProductCreateData);

    /// <summary>Updates a product's own fields.</summary>
    public static readonly ShopifyOperation<ProductUpdateData> ProductUpdate = new(
        "ShopSyncProductUpdate",
        """
        mutation ShopSyncProductUpdate($product: ProductUpdateInput!) {
          productUpdate(product: $product) {
            product { id title handle variants(first: 1) { nodes { id } pageInfo { hasNextPage endCursor } } }
            userErrors { field message }
          }
        }
        """,
        ShopifyJsonContext.Default.ProductUpdateData);

    /// <summary>Updates prices, barcodes and SKUs of a product's variants (the "only sync prices" path).</summary>
    public static readonly ShopifyOperation<ProductVariantsBulkUpdateData> ProductVariantsBulkUpdate = new(
        "ShopSyncProductVariantsBulkUpdate",
        """
        mutation ShopSyncProductVariantsBulkUpdate($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
          productVariantsBulkUpdate(productId: $productId, variants: $variants) {
            productVariants { id price compareAtPrice sku barcode }
            userErrors { field message code }
          }
        }
        """,
        ShopifyJsonContext.Default.ProductVariantsBulkUpdateData);

    /// <summary>
    /// Creates variants of one product by option values (API 2024-04+). <c>REMOVE_STANDALONE_VARIANT</c> replaces the
    /// placeholder variant productCreate made; the product's variant ids afterwards tell which mappings went stale.
    /// </summary>
    public static readonly ShopifyOperation<ProductVariantsBulkCreateData> ProductVariantsBulkCreate = new(
        "ShopSyncProductVariantsBulkCreate",
        """
        mutation ShopSyncProductVariantsBulkCreate($productId: ID!, $variants: [ProductVariantsBulkInput!]!, $strategy: ProductVariantsBulkCreateStrategy) {
          productVariantsBulkCreate(productId: $productId, variants: $variants, strategy: $strategy) {
            product { id variants(first: 100) { nodes { id } pageInfo { hasNextPage endCursor } } }
            productVariants { id title sku price selectedOptions { name value } inventoryItem { id tracked } }
            userErrors { field message code }
          }
        }
        """,
        ShopifyJsonContext.Default.ProductVariantsBulkCreateData);

    /// <summary>Adds images to a product from URLs.</summary>
    public static readonly ShopifyOperation<ProductCreateMediaData> ProductCreateMedia = new(
        "ShopSyncProductCreateMedia",
        """
        mutation ShopSyncProductCreateMedia($productId: ID!, $media: [CreateMediaInput!]!) {
          productCreateMedia(productId: $productId, media: $media) {
            media { id alt mediaContentType status }
            mediaUserErrors { field message code }
          }
        }
        """,
        ShopifyJsonContext.Default.ProductCreateMediaData);
}

/// <summary><c>data</c> of <see cref="ShopifyProductOperations.Products"/>.</summary>
public sealed record ProductsData(ShopifyConnection<ShopifyProduct> Products);

/// <summary><c>data</c> of <see cref="ShopifyProductOperations.ProductCreate"/>.</summary>
public sealed record ProductCreateData(ProductSavePayload? ProductCreate);

/// <summary><c>data</c> of <see cref="ShopifyProductOperations.ProductUpdate"/>.</summary>
public sealed record ProductUpdateData(ProductSavePayload? ProductUpdate);

/// <summary>productCreate / productUpdate payload.</summary>
public sealed record ProductSavePayload(ShopifySavedProduct? Product, IReadOnlyList<ShopifyUserError> UserErrors);

/// <summary><c>data</c> of <see cref="ShopifyProductOperations.ProductVariantsBulkUpdate"/>.</summary>
public sealed record ProductVariantsBulkUpdateData(ProductVariantsBulkUpdatePayload? ProductVariantsBulkUpdate);

/// <summary>productVariantsBulkUpdate payload.</summary>
public sealed record ProductVariantsBulkUpdatePayload(IReadOnlyList<ShopifyUpdatedVariant>? ProductVariants, IReadOnlyList<ShopifyUserError> UserErrors);

/// <summary><c>data</c> of <see cref="ShopifyProductOperations.ProductCreateMedia"/>.</summary>
public sealed record ProductCreateMediaData(ProductCreateMediaPayload? ProductCreateMedia);

/// <summary>productCreateMedia payload.</summary>
public sealed record ProductCreateMediaPayload(IReadOnlyList<ShopifyCreatedMedia>? Media, IReadOnlyList<ShopifyUserError> MediaUserErrors);

/// <summary><c>data</c> of <see cref="ShopifyProductOperations.ProductVariantsBulkCreate"/>.</summary>
public sealed record ProductVariantsBulkCreateData(ProductVariantsBulkCreatePayload? ProductVariantsBulkCreate);

/// <summary>productVariantsBulkCreate payload.</summary>
public sealed record ProductVariantsBulkCreatePayload(
    ShopifyProductVariantIds? Product, IReadOnlyList<ShopifyCreatedVariant>? ProductVariants, IReadOnlyList<ShopifyUserError> UserErrors);

/// <summary>A product with its variant ids only.</summary>
public sealed record ShopifyProductVariantIds(string Id, ShopifyConnection<ShopifyRef> Variants);
