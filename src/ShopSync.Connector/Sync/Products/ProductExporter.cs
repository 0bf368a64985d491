using Microsoft.EntityFrameworkCore;
using ShopSync.Shopify.Client;
using ShopSync.Connector.Erp;

namespace ShopSync.Connector.Sync;

/// <summary>
/// The TO_SHOPIFY half of Sync Products: creates products for unmapped ERP items and the missing variants of mapped ones
/// (see <see cref="ProductCreator"/>), renames products whose item changed since the last export, and pushes ERP prices that
/// differ from Shopify's (one productVariantsBulkUpdate per product). Failures are kept per item in sync_record_issues.
/// </summary>
internal sealed class ProductExporter(SyncSession session, bool onlyPrices)
{
    private readonly ProductCreator _creator = new(session);
    private long _renamed, _prices, _failed, _skipped;

    public async Task<string> ExportAsync(CancellationToken cancellationToken)
    {
        if (!onlyPrices)
        {
            await CreateProductsAsync(cancellationToken);
            await RenameProductsAsync(cancellationToken);
        }
        if (onlyPrices || session.Shop.SyncPricesWithProducts)
        {
            await PushPricesAsync(cancellationToken);
        }
        return $"{_creator.Products} product(s) created, {_creator.Variants} variant(s) created, {_renamed} renamed, {_prices} price(s) sent, {_failed} failed, {_skipped} skipped";
    }

    private async Task CreateProductsAsync(CancellationToken cancellationToken)
    {
        List<ErpItemEntity> items;
        ILookup<string, ErpItemVariantEntity> variants;
        Dictionary<string, string> products;
        List<SyncVariantEntity> mappedVariants;
        await using (var db = await session.OpenDbAsync(cancellationToken))
        {
            items = await db.ErpItems.AsNoTracking().Where(i => !i.Blocked).OrderBy(i => i.No).ToListAsync(cancellationToken);
            variants = (await db.ErpItemVariants.AsNoTracking().OrderBy(v => v.ItemNo).ThenBy(v => v.Code).ToListAsync(cancellationToken)).ToLookup(v => v.ItemNo);
            products = (await db.SyncProducts.AsNoTracking().Where(p => p.ShopCode == session.ShopCode && p.ItemNo != null).OrderBy(p => p.Id).ToListAsync(cancellationToken))
                .GroupBy(p => p.ItemNo!).ToDictionary(g => g.Key, g => g.First().ShopifyProductId);
            mappedVariants = await db.SyncVariants.AsNoTracking().Where(v => v.ShopCode == session.ShopCode && v.ItemNo != null).ToListAsync(cancellationToken);
        }
        var mappedCodes = mappedVariants.Select(v => (v.ItemNo!, v.VariantCode)).ToHashSet();
        foreach (var item in items.Where(i => session.Filters.Matches("Item No.", i.No)))
        {
            var itemVariants = variants[item.No].ToList();
            if (!products.TryGetValue(item.No, out var productId))
            {
                await WithIssuesAsync($"item:{item.No}", db => _creator.CreateAsync(db, item, itemVariants, cancellationToken), cancellationToken);
                continue;
            }
            var missing = itemVariants.Where(v => !mappedCodes.Contains((item.No, v.Code))).ToList();
            if (missing.Count > 0)
            {
                // Only placeholders (productCreate's variant, or the default variant of an item that had no variants) are replaced.
                var replaceStandalone = !mappedVariants.Any(v => v.ShopifyProductId == productId && v.VariantCode.Length > 0);
                await WithIssuesAsync($"item:{item.No}", db => _creator.AddVariantsAsync(db, item, productId, missing, replaceStandalone, cancellationToken), cancellationToken);
            }
        }
    }

    private async Task RenameProductsAsync(CancellationToken cancellationToken)
    {
        List<(SyncProductEntity Product, ErpItemEntity Item)> changed;
        await using (var db = await session.OpenDbAsync(cancellationToken))
        {
            changed = (await db.SyncProducts.AsNoTracking().Where(p => p.ShopCode == session.ShopCode && p.ItemNo != null)
                    .Join(db.ErpItems.AsNoTracking(), p => p.ItemNo, i => i.No, (p, i) => new { p, i }).ToListAsync(cancellationToken))
                .Where(x => x.p.ItemExportedAt is null || x.i.UpdatedAt > x.p.ItemExportedAt)
                .Where(x => x.p.Title != x.i.Description)
                .Select(x => (x.p, x.i)).ToList();
        }
        foreach (var (product, item) in changed.Where(c => session.Filters.Matches("Item No.", c.Item.No)))
        {
            await WithIssuesAsync($"item:{item.No}", async db =>
            {
                var result = await session.Client.UpdateProductAsync(new ShopifyProductInput(Id: product.ShopifyProductId, Title: item.Description), cancellationToken);
                if (!result.Succeeded)
                {
                    return string.Join("; ", result.UserErrors.Select(e => e.Message));
                }
                var row = await db.SyncProducts.SingleAsync(p => p.Id == product.Id, cancellationToken);
                row.Title = item.Description;
                row.ItemExportedAt = session.Time.GetUtcNow();
                _renamed++;
                return null;
            }, cancellationToken);
        }
    }

    private async Task PushPricesAsync(CancellationToken cancellationToken)
    {
        List<(SyncVariantEntity Variant, decimal Price)> pending;
        await using (var db = await session.OpenDbAsync(cancellationToken))
        {
            var rows = await db.SyncVariants.AsNoTracking().Where(v => v.ShopCode == session.ShopCode && v.ItemNo != null).ToListAsync(cancellationToken);
            var itemNos = rows.Select(r => r.ItemNo!).Distinct().ToList();
            var items = await db.ErpItems.AsNoTracking().Where(i => itemNos.Contains(i.No)).ToDictionaryAsync(i => i.No, cancellationToken);
            var variants = await db.ErpItemVariants.AsNoTracking().Where(v => itemNos.Contains(v.ItemNo)).ToDictionaryAsync(v => (v.ItemNo, v.Code), cancellationToken);
            pending = rows.Where(r => items.ContainsKey(r.ItemNo!) && session.Filters.Matches("Item No.", r.ItemNo))
                .Select(r => (r, variants.TryGetValue((r.ItemNo!, r.VariantCode), out var v) && v.UnitPrice is { } p ? p : items[r.ItemNo!].UnitPrice))
                .Where(x => x.Item2 != x.r.Price).ToList();
        }
        foreach (var product in pending.GroupBy(p => p.Variant.ShopifyProductId))
        {
            var list = product.ToList();
            await WithIssuesAsync($"product:{product.Key}", async db =>
            {
                var result = await session.Client.UpdateVariantsAsync(product.Key, list.Select(p => new ShopifyVariantUpdate(p.Variant.ShopifyVariantId, Price: p.Price)).ToList(), cancellationToken);
                if (!result.Succeeded)
                {
                    return string.Join("; ", result.Records.SelectMany(r => r.Errors).Concat(result.UnattributedErrors).Select(e => e.Message));
                }
                var ids = list.Select(p => p.Variant.Id).ToList();
                foreach (var row in await db.SyncVariants.Where(v => ids.Contains(v.Id)).ToListAsync(cancellationToken))
                {
                    row.Price = list.First(p => p.Variant.Id == row.Id).Price;
                    row.UpdatedAt = session.Time.GetUtcNow();
                }
                _prices += list.Count;
                return null;
            }, cancellationToken);
        }
    }

    /// <summary>Runs one record's mutation; a returned message or a read-only refusal is recorded on the record and counted.</summary>
    private async Task WithIssuesAsync(string key, Func<Persistence.ConnectorDbContext, Task<string?>> send, CancellationToken cancellationToken)
    {
        await using var db = await session.OpenDbAsync(cancellationToken);
        var now = session.Time.GetUtcNow();
        try
        {
            var error = await send(db);
            if (error is null)
            {
                await SyncRecordIssues.ClearAsync(db, session.ShopCode, SyncReportIds.SyncProducts, key, cancellationToken);
                session.Progress.Add(done: 1);
            }
            else
            {
                await SyncRecordIssues.SetAsync(db, session.ShopCode, SyncReportIds.SyncProducts, key, SyncRecordIssueKind.Failed, error, now, cancellationToken);
                session.Progress.Add(failed: 1);
                _failed++;
            }
        }
        catch (ShopifyReadOnlyException e)
        {
            await SyncRecordIssues.SetAsync(db, session.ShopCode, SyncReportIds.SyncProducts, key, SyncRecordIssueKind.Skipped, e.Message, now, cancellationToken);
            session.Progress.Add(skipped: 1);
            _skipped++;
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
