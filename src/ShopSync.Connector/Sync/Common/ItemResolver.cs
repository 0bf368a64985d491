using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Shops;

namespace ShopSync.Connector.Sync;

/// <summary>
/// Finds (or, when the shop allows it, creates) the ERP item and variant of a Shopify variant: by mapping, then by SKU;
/// created items get one item per Shopify product and one variant per Shopify variant. Mappings go to
/// <c>sync_products</c> / <c>sync_variants</c>.
/// </summary>
internal sealed class ItemResolver(ConnectorDbContext db, Shop shop, DateTimeOffset now)
{
    /// <summary>The Shopify side of a sellable variant.</summary>
    public sealed record ShopifySide(string VariantId, string? ProductId, string? Sku, string? Barcode, string Title, string? ProductTitle, decimal Price, string? InventoryItemId = null);

    /// <summary>The ERP item/variant of a Shopify variant. <paramref name="allowCreate"/> false only maps; <paramref name="ignoreShopSetting"/>
    /// creates even when shop.auto_create_unknown_items is off (products imported with item_sync FROM_SHOPIFY).</summary>
    public async Task<(string? ItemNo, string VariantCode, string? Reason)> ResolveAsync(
        ShopifySide variant, bool allowCreate, CancellationToken cancellationToken, bool ignoreShopSetting = false)
    {
        var mapping = await VariantMappingAsync(variant.VariantId, cancellationToken);
        if (mapping?.ItemNo is { } mappedItem)
        {
            return (mappedItem, mapping.VariantCode, null);
        }
        var (itemNo, variantCode) = await FindBySkuAsync(variant.Sku, cancellationToken);
        if (itemNo is null)
        {
            if (!allowCreate || !(shop.AutoCreateUnknownItems || ignoreShopSetting))
            {
                return (null, "", $"no ERP item has SKU \"{variant.Sku ?? "(none)"}\" for Shopify variant {variant.VariantId} and shop.auto_create_unknown_items is off");
            }
            (itemNo, variantCode) = await CreateAsync(variant, cancellationToken);
        }
        if (mapping is null)
        {
            mapping = new SyncVariantEntity { ShopCode = shop.Code, ShopifyVariantId = variant.VariantId };
            db.SyncVariants.Add(mapping);
        }
        mapping.ShopifyProductId = variant.ProductId ?? mapping.ShopifyProductId;
        mapping.Sku = variant.Sku;
        mapping.Barcode = variant.Barcode;
        mapping.Price = variant.Price;
        mapping.InventoryItemId = variant.InventoryItemId ?? mapping.InventoryItemId;
        mapping.ItemNo = itemNo;
        mapping.VariantCode = variantCode;
        mapping.UpdatedAt = now;
        if (variant.ProductId is { } productId)
        {
            var product = await ProductMappingAsync(productId, cancellationToken);
            if (product is null)
            {
                db.SyncProducts.Add(new SyncProductEntity
                {
                    ShopCode = shop.Code, ShopifyProductId = productId, Title = variant.ProductTitle ?? variant.Title, ItemNo = itemNo, UpdatedAt = now,
                });
            }
            else if (product.ItemNo is null)
            {
                product.ItemNo = itemNo;
                product.MappingError = null;
                product.UpdatedAt = now;
            }
        }
        return (itemNo, variantCode, null);
    }

    public async Task<SyncVariantEntity?> VariantMappingAsync(string variantId, CancellationToken cancellationToken) =>
        db.SyncVariants.Local.FirstOrDefault(v => v.ShopCode == shop.Code && v.ShopifyVariantId == variantId)
        ?? await db.SyncVariants.FirstOrDefaultAsync(v => v.ShopCode == shop.Code && v.ShopifyVariantId == variantId, cancellationToken);

    public async Task<SyncProductEntity?> ProductMappingAsync(string productId, CancellationToken cancellationToken) =>
        db.SyncProducts.Local.FirstOrDefault(p => p.ShopCode == shop.Code && p.ShopifyProductId == productId)
        ?? await db.SyncProducts.FirstOrDefaultAsync(p => p.ShopCode == shop.Code && p.ShopifyProductId == productId, cancellationToken);

    private async Task<(string? ItemNo, string VariantCode)> FindBySkuAsync(string? sku, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(sku))
        {
            return (null, "");
        }
        var variant = db.ErpItemVariants.Local.FirstOrDefault(v => v.Sku == sku)
            ?? await db.ErpItemVariants.Where(v => v.Sku == sku).OrderBy(v => v.ItemNo).FirstOrDefaultAsync(cancellationToken);
        if (variant is not null)
        {
            return (variant.ItemNo, variant.Code);
        }
        var item = db.ErpItems.Local.FirstOrDefault(i => i.Sku == sku || i.No == sku)
            ?? await db.ErpItems.Where(i => i.Sku == sku || i.No == sku).OrderBy(i => i.No).FirstOrDefaultAsync(cancellationToken);
        return item is null ? (null, "") : (item.No, "");
    }

    private async Task<(string ItemNo, string VariantCode)> CreateAsync(ShopifySide variant, CancellationToken cancellationToken)
    {
        string? itemNo = null;
        if (variant.ProductId is { } productId && await ProductMappingAsync(productId, cancellationToken) is { ItemNo: { } mapped })
        {
            itemNo = mapped;
        }
        if (itemNo is null)
        {
            itemNo = await ErpNumberSeries.NextAsync(db, ErpNumberSeries.Item, cancellationToken);
            db.ErpItems.Add(new ErpItemEntity
            {
                No = itemNo,
                Description = ErpNormalization.Truncate(variant.ProductTitle ?? variant.Title, 100),
                UnitPrice = variant.Price,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }
        var code = VariantCode(variant);
        db.ErpItemVariants.Add(new ErpItemVariantEntity
        {
            ItemNo = itemNo,
            Code = code,
            Description = ErpNormalization.Truncate(variant.Title, 100),
            Sku = variant.Sku,
            Barcode = variant.Barcode,
            UnitPrice = variant.Price,
            UpdatedAt = now,
        });
        return (itemNo, code);
    }

    /// <summary>The SKU when it fits, else the variant's numeric id: unique within the product's item.</summary>
    private static string VariantCode(ShopifySide variant) =>
        variant.Sku is { Length: > 0 and <= 20 } sku ? sku : variant.VariantId[(variant.VariantId.LastIndexOf('/') + 1)..];
}
