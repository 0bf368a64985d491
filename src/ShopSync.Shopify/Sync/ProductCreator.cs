using Microsoft.EntityFrameworkCore;
using ShopSync.Shopify.Client;
using ShopSync.Shopify.Erp;
using ShopSync.Shopify.Persistence;

namespace ShopSync.Shopify.Sync;

/// <summary>
/// Creates the Shopify product of an ERP item: an item without variants becomes a product with its default variant; an
/// item with variants becomes one product with the option "Variant" (one value per variant code) and one variant per ERP
/// variant (SKU, barcode, price), created by productVariantsBulkCreate. The product mapping is saved before the variants
/// are created, so a run that stops in between finds the product again and creates only what is missing; a product whose
/// creation was not recorded at all is found by its handle.
/// </summary>
internal sealed class ProductCreator(SyncSession session)
{
    /// <summary>The product option ERP variant codes are the values of.</summary>
    public const string OptionName = "Variant";

    public long Products { get; private set; }

    public long Variants { get; private set; }

    /// <summary>Creates (or finds by handle) the product of an unmapped item, then its variants. Returns the refusal, or null.</summary>
    public async Task<string?> CreateAsync(
        ConnectorDbContext db, ErpItemEntity item, IReadOnlyList<ErpItemVariantEntity> variants, CancellationToken cancellationToken)
    {
        var found = await FindByHandleAsync(db, item, cancellationToken);
        var (productId, defaultVariantId) = (found?.ProductId, found?.DefaultVariantId);
        if (productId is null)
        {
            var options = variants.Count == 0 ? null : new[] { new ShopifyProductOptionInput(OptionName, variants.Select(v => new ShopifyOptionValueInput(v.Code)).ToList()) };
            var result = await session.Client.CreateProductAsync(
                new ShopifyProductInput(Title: item.Description, Vendor: item.Vendor, ProductType: item.ItemCategory, Status: "ACTIVE", ProductOptions: options), cancellationToken);
            if (!result.Succeeded || result.Value is not { } saved)
            {
                return string.Join("; ", result.UserErrors.Select(e => e.Message));
            }
            (productId, defaultVariantId) = (saved.Id, saved.Variants?.Nodes.FirstOrDefault()?.Id);
        }
        var now = session.Time.GetUtcNow();
        var row = await db.SyncProducts.FirstOrDefaultAsync(p => p.ShopCode == session.ShopCode && p.ShopifyProductId == productId, cancellationToken);
        if (row is null)
        {
            row = new SyncProductEntity { ShopCode = session.ShopCode, ShopifyProductId = productId, Status = "ACTIVE" };
            db.SyncProducts.Add(row);
        }
        row.Title = item.Description;
        row.ItemNo = item.No;
        row.MappingError = null;
        row.ItemExportedAt = now;
        row.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        Products++;
        if (variants.Count > 0)
        {
            return await AddVariantsAsync(db, item, productId, variants, replaceStandalone: true, cancellationToken);
        }
        if (defaultVariantId is not null && !await db.SyncVariants.AnyAsync(v => v.ShopCode == session.ShopCode && v.ShopifyVariantId == defaultVariantId, cancellationToken))
        {
            db.SyncVariants.Add(new SyncVariantEntity
            {
                ShopCode = session.ShopCode, ShopifyVariantId = defaultVariantId, ShopifyProductId = productId, ItemNo = item.No, Sku = item.Sku, Price = -1, UpdatedAt = now,
            });
        }
        return null;
    }

    /// <summary>
    /// Creates <paramref name="variants"/> on the item's product and maps them. <paramref name="replaceStandalone"/> removes
    /// the product's lone placeholder (or former default) variant, whose mapping is dropped. Returns the refusal, or null.
    /// </summary>
    public async Task<string?> AddVariantsAsync(
        ConnectorDbContext db, ErpItemEntity item, string productId, IReadOnlyList<ErpItemVariantEntity> variants, bool replaceStandalone, CancellationToken cancellationToken)
    {
        var inputs = variants.Select(v => new ShopifyVariantCreateInput(
            [new ShopifyVariantOptionValueInput(OptionName, v.Code)],
            Price: v.UnitPrice ?? item.UnitPrice,
            Barcode: string.IsNullOrEmpty(v.Barcode) ? null : v.Barcode,
            InventoryItem: string.IsNullOrEmpty(v.Sku) ? null : new ShopifyInventoryItemInput(Sku: v.Sku))).ToList();
        var strategy = replaceStandalone ? ShopifyVariantsCreateStrategy.RemoveStandaloneVariant : ShopifyVariantsCreateStrategy.Default;
        var result = await session.Client.CreateVariantsAsync(productId, inputs, strategy, cancellationToken);
        if (!result.Succeeded)
        {
            return string.Join("; ", result.Outcome.Records.SelectMany(r => r.Errors.Select(e => $"variant {variants[r.Index].Code}: {e.Message}"))
                .Concat(result.Outcome.UnattributedErrors.Select(e => e.Message)));
        }
        var now = session.Time.GetUtcNow();
        for (var i = 0; i < result.Variants.Count; i++)
        {
            var created = result.Variants[i];
            var code = created.SelectedOptions.FirstOrDefault(o => o.Name == OptionName)?.Value;
            var variant = variants.FirstOrDefault(v => string.Equals(v.Code, code, StringComparison.OrdinalIgnoreCase)) ?? variants[i];
            db.SyncVariants.Add(new SyncVariantEntity
            {
                ShopCode = session.ShopCode, ShopifyVariantId = created.Id, ShopifyProductId = productId, InventoryItemId = created.InventoryItem?.Id,
                Sku = created.Sku, Barcode = variant.Barcode, Price = created.Price, ItemNo = item.No, VariantCode = variant.Code, UpdatedAt = now,
            });
        }
        if (result.ProductVariantIds is { } remaining)
        {
            var stale = await db.SyncVariants.Where(v => v.ShopCode == session.ShopCode && v.ShopifyProductId == productId && !remaining.Contains(v.ShopifyVariantId))
                .ToListAsync(cancellationToken);
            db.SyncVariants.RemoveRange(stale);
        }
        Variants += result.Variants.Count;
        return null;
    }

    /// <summary>
    /// A product this export created before its mapping was saved: same handle as the item's title, not mapped to another
    /// item, and holding only the variant productCreate made (no SKU). Null when there is none.
    /// </summary>
    private async Task<(string ProductId, string? DefaultVariantId)?> FindByHandleAsync(ConnectorDbContext db, ErpItemEntity item, CancellationToken cancellationToken)
    {
        var handle = ShopifyHandles.FromTitle(item.Description);
        if (handle.Length == 0)
        {
            return null;
        }
        await foreach (var page in session.Client.GetProductsAsync(new ShopifyPageRequest(PageSize: 5, Query: $"handle:{handle}"), cancellationToken))
        {
            foreach (var product in page.Items.Where(p => p.Handle == handle && p.Variants.Nodes.Count == 1 && string.IsNullOrEmpty(p.Variants.Nodes[0].Sku)))
            {
                var mappedTo = await db.SyncProducts.Where(p => p.ShopCode == session.ShopCode && p.ShopifyProductId == product.Id).Select(p => p.ItemNo).FirstOrDefaultAsync(cancellationToken);
                if (mappedTo is null || mappedTo == item.No)
                {
                    return (product.Id, product.Variants.Nodes[0].Id);
                }
            }
            break;
        }
        return null;
    }
}
