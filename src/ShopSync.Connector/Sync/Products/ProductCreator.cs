using Microsoft.EntityFrameworkCore;
using ShopSync.Shopify.Client;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Persistence;

namespace ShopSync.Connector.Sync;

/// <summary>
/// Creates the Shopify product of an ERP item: an item without variants becomes a product with its default variant; an
/// item with variants becomes one product with the option "Variant" (one value per variant code) and one variant per ERP
/// variant (SKU, barcode, price), created by productVariantsBulkCreate. The product is created with an explicit handle
/// (the title's, else title + item no.), which Shopify refuses when taken: that makes the handle the idempotency key, so a
/// product whose creation answer or mapping was lost is found by handle and adopted, and its variants are recognised by
/// SKU. The product mapping is saved before the variants are created, so a run that stops in between finds the product
/// by its mapping and creates only the missing variants.
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
        var titleHandle = ShopifyHandles.FromTitle(item.Description);
        var itemHandle = ShopifyHandles.FromTitle(item.No);
        ProductFound? product = null;
        string? refusal = null;
        foreach (var handle in titleHandle.Length == 0 ? [itemHandle] : new[] { titleHandle, $"{titleHandle}-{itemHandle}" })
        {
            (product, refusal) = await CreateOrFindAsync(db, item, variants, handle, cancellationToken);
            if (product is not null || refusal is not null)
            {
                break;
            }
        }
        if (product is null)
        {
            return refusal ?? $"the handles of \"{item.Description}\" are taken by other products";
        }
        var now = session.Time.GetUtcNow();
        var row = await db.SyncProducts.FirstOrDefaultAsync(p => p.ShopCode == session.ShopCode && p.ShopifyProductId == product.Id, cancellationToken);
        if (row is null)
        {
            row = new SyncProductEntity { ShopCode = session.ShopCode, ShopifyProductId = product.Id, Status = "ACTIVE" };
            db.SyncProducts.Add(row);
        }
        row.Title = item.Description;
        row.ItemNo = item.No;
        row.MappingError = null;
        row.ItemExportedAt = now;
        row.UpdatedAt = now;
        Products++;
        if (variants.Count == 0)
        {
            if (product.Variants.FirstOrDefault() is { } standalone)
            {
                await MapAsync(db, product.Id, standalone, item, "", item.Sku, -1, now, cancellationToken);
            }
            return null;
        }
        // Variants an earlier attempt created (the answer or the mapping was lost) are recognised by SKU.
        var missing = new List<ErpItemVariantEntity>();
        var matched = 0;
        foreach (var variant in variants)
        {
            if (!string.IsNullOrEmpty(variant.Sku) && product.Variants.FirstOrDefault(v => v.Sku == variant.Sku) is { } existing)
            {
                await MapAsync(db, product.Id, existing, item, variant.Code, existing.Sku, existing.Price, now, cancellationToken);
                matched++;
            }
            else
            {
                missing.Add(variant);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count == 0 ? null : await AddVariantsAsync(db, item, product.Id, missing, replaceStandalone: matched == 0, cancellationToken);
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
    /// Creates the product with this handle; when Shopify answers that the handle is taken, the product holding it is this
    /// item's if an earlier attempt created it (not mapped to another item, no variant with a SKU foreign to the item).
    /// Returns the product, or a refusal, or neither when the handle belongs to another product.
    /// </summary>
    private async Task<(ProductFound? Product, string? Refusal)> CreateOrFindAsync(
        ConnectorDbContext db, ErpItemEntity item, IReadOnlyList<ErpItemVariantEntity> variants, string handle, CancellationToken cancellationToken)
    {
        var options = variants.Count == 0 ? null : new[] { new ShopifyProductOptionInput(OptionName, variants.Select(v => new ShopifyOptionValueInput(v.Code)).ToList()) };
        var result = await session.Client.CreateProductAsync(new ShopifyProductInput(
            Title: item.Description, Vendor: item.Vendor, ProductType: item.ItemCategory, Status: "ACTIVE", ProductOptions: options, Handle: handle), cancellationToken);
        if (result.Succeeded && result.Value is { } saved)
        {
            return (new ProductFound(saved.Id, saved.Variants?.Nodes.Select(v => new ShopifyVariantFound(v.Id, null, 0, null)).ToList() ?? []), null);
        }
        if (!result.UserErrors.Any(e => e.Field is [.., "handle"]))
        {
            return (null, string.Join("; ", result.UserErrors.Select(e => e.Message)));
        }
        var skus = variants.Select(v => v.Sku).Append(item.Sku).Where(s => !string.IsNullOrEmpty(s)).ToHashSet(StringComparer.Ordinal);
        await foreach (var page in session.Client.GetProductsAsync(new ShopifyPageRequest(PageSize: 1, Query: $"handle:{handle}"), cancellationToken))
        {
            foreach (var found in page.Items.Where(p => p.Handle == handle && p.Variants.Nodes.All(v => string.IsNullOrEmpty(v.Sku) || skus.Contains(v.Sku))))
            {
                var mappedTo = await db.SyncProducts.Where(p => p.ShopCode == session.ShopCode && p.ShopifyProductId == found.Id).Select(p => p.ItemNo).FirstOrDefaultAsync(cancellationToken);
                if (mappedTo is null || mappedTo == item.No)
                {
                    return (new ProductFound(found.Id, found.Variants.Nodes.Select(v => new ShopifyVariantFound(v.Id, v.Sku, v.Price, v.InventoryItem.Id)).ToList()), null);
                }
            }
            break;
        }
        return (null, null);
    }

    private async Task MapAsync(
        ConnectorDbContext db, string productId, ShopifyVariantFound variant, ErpItemEntity item, string code, string? sku, decimal price, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await db.SyncVariants.AnyAsync(v => v.ShopCode == session.ShopCode && v.ShopifyVariantId == variant.Id, cancellationToken))
        {
            db.SyncVariants.Add(new SyncVariantEntity
            {
                ShopCode = session.ShopCode, ShopifyVariantId = variant.Id, ShopifyProductId = productId, InventoryItemId = variant.InventoryItemId,
                Sku = sku, Price = price, ItemNo = item.No, VariantCode = code, UpdatedAt = now,
            });
        }
    }

    private sealed record ProductFound(string Id, IReadOnlyList<ShopifyVariantFound> Variants);

    private sealed record ShopifyVariantFound(string Id, string? Sku, decimal Price, string? InventoryItemId);
}
