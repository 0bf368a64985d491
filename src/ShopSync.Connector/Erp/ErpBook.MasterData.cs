using Microsoft.EntityFrameworkCore;

namespace ShopSync.Connector.Erp;

/// <summary>Upserts of items, prices, stock and customers (each request is one transaction).</summary>
public sealed partial class ErpBook
{
    /// <summary>Creates or replaces items; their variants are replaced by the given ones.</summary>
    public async Task<ErpUpsertResult> UpsertItemsAsync(IReadOnlyList<ErpItemInput> items, CancellationToken cancellationToken)
    {
        for (var i = 0; i < items.Count; i++)
        {
            RequireNo($"items[{i}].no", items[i].No);
            var codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (variant, v) in (items[i].Variants ?? []).Select((x, v) => (x, v)))
            {
                if (string.IsNullOrWhiteSpace(variant.Code) || variant.Code.Length > 20 || !codes.Add(variant.Code))
                {
                    throw new ErpValidationException($"items[{i}].variants[{v}].code", $"items[{i}].variants[{v}].code must be 1-20 characters and unique within the item");
                }
            }
        }
        var now = _time.GetUtcNow();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var nos = items.Select(i => i.No).ToList();
        var existing = await db.ErpItems.Where(i => nos.Contains(i.No)).ToDictionaryAsync(i => i.No, cancellationToken);
        var variants = await db.ErpItemVariants.Where(v => nos.Contains(v.ItemNo)).ToListAsync(cancellationToken);
        var created = 0;
        foreach (var input in items)
        {
            if (!existing.TryGetValue(input.No, out var item))
            {
                item = new ErpItemEntity { No = input.No, CreatedAt = now };
                db.ErpItems.Add(item);
                existing[input.No] = item;
                created++;
            }
            item.Description = ErpNormalization.Truncate(input.Description, 100);
            item.Sku = Empty(input.Sku);
            item.Barcode = Empty(input.Barcode);
            item.UnitPrice = input.UnitPrice;
            item.Vendor = Empty(input.Vendor);
            item.ItemCategory = Empty(input.ItemCategory);
            item.Blocked = input.Blocked;
            item.UpdatedAt = now;
            var stored = variants.Where(v => v.ItemNo == input.No).ToDictionary(v => v.Code, StringComparer.Ordinal);
            foreach (var variantInput in input.Variants ?? [])
            {
                if (!stored.Remove(variantInput.Code, out var variant))
                {
                    variant = new ErpItemVariantEntity { ItemNo = input.No, Code = variantInput.Code };
                    db.ErpItemVariants.Add(variant);
                }
                variant.Description = ErpNormalization.Truncate(variantInput.Description, 100);
                variant.Sku = Empty(variantInput.Sku);
                variant.Barcode = Empty(variantInput.Barcode);
                variant.UnitPrice = variantInput.UnitPrice;
                variant.UpdatedAt = now;
            }
            db.ErpItemVariants.RemoveRange(stored.Values);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new ErpUpsertResult(created, items.Count - created);
    }

    /// <summary>Creates or replaces prices; price group "" also sets the item's or variant's unit price.</summary>
    public async Task<int> UpsertPricesAsync(IReadOnlyList<ErpPriceInput> prices, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        for (var i = 0; i < prices.Count; i++)
        {
            var p = prices[i];
            await RequireItemAsync(db, $"prices[{i}]", p.ItemNo, p.VariantCode, cancellationToken);
            if (p.UnitPrice < 0)
            {
                throw new ErpValidationException($"prices[{i}].unit_price", $"prices[{i}].unit_price must not be negative");
            }
            var row = await db.ErpItemPrices.FindAsync([p.PriceGroup, p.ItemNo, p.VariantCode], cancellationToken);
            if (row is null)
            {
                row = new ErpItemPriceEntity { PriceGroup = p.PriceGroup, ItemNo = p.ItemNo, VariantCode = p.VariantCode };
                db.ErpItemPrices.Add(row);
            }
            row.UnitPrice = p.UnitPrice;
            row.CurrencyCode = Empty(p.CurrencyCode);
            row.UpdatedAt = now;
            if (p.PriceGroup.Length == 0)
            {
                await SetUnitPriceAsync(db, p.ItemNo, p.VariantCode, p.UnitPrice, now, cancellationToken);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return prices.Count;
    }

    /// <summary>Sets stock quantities.</summary>
    public async Task<int> UpsertStockAsync(IReadOnlyList<ErpStockInput> levels, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        for (var i = 0; i < levels.Count; i++)
        {
            var l = levels[i];
            await RequireItemAsync(db, $"levels[{i}]", l.ItemNo, l.VariantCode, cancellationToken);
            var row = await db.ErpStock.FindAsync([l.ItemNo, l.VariantCode, l.LocationCode], cancellationToken);
            if (row is null)
            {
                row = new ErpStockEntity { ItemNo = l.ItemNo, VariantCode = l.VariantCode, LocationCode = l.LocationCode };
                db.ErpStock.Add(row);
            }
            row.Quantity = l.Quantity;
            row.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return levels.Count;
    }

    /// <summary>Creates or replaces customers.</summary>
    public async Task<ErpUpsertResult> UpsertCustomersAsync(IReadOnlyList<ErpCustomerInput> customers, CancellationToken cancellationToken)
    {
        for (var i = 0; i < customers.Count; i++)
        {
            RequireNo($"customers[{i}].no", customers[i].No);
        }
        var now = _time.GetUtcNow();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var nos = customers.Select(c => c.No).ToList();
        var existing = await db.ErpCustomers.Where(c => nos.Contains(c.No)).ToDictionaryAsync(c => c.No, cancellationToken);
        var created = 0;
        foreach (var input in customers)
        {
            if (!existing.TryGetValue(input.No, out var customer))
            {
                customer = new ErpCustomerEntity { No = input.No, CreatedAt = now };
                db.ErpCustomers.Add(customer);
                existing[input.No] = customer;
                created++;
            }
            customer.Name = ErpNormalization.Truncate(input.Name, 100);
            customer.Email = Empty(input.Email);
            customer.NormalizedEmail = ErpNormalization.Email(input.Email);
            customer.Phone = Empty(input.Phone);
            customer.NormalizedPhone = ErpNormalization.Phone(input.Phone);
            customer.Address = Empty(input.Address);
            customer.City = Empty(input.City);
            customer.PostCode = Empty(input.PostCode);
            customer.CountryCode = Empty(input.CountryCode);
            customer.PriceGroup = Empty(input.PriceGroup);
            customer.Blocked = input.Blocked;
            customer.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return new ErpUpsertResult(created, customers.Count - created);
    }

    private static async Task SetUnitPriceAsync(Persistence.ConnectorDbContext db, string itemNo, string variantCode, decimal price, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (variantCode.Length == 0)
        {
            var item = await db.ErpItems.FindAsync([itemNo], cancellationToken);
            item!.UnitPrice = price;
            item.UpdatedAt = now;
            return;
        }
        var variant = await db.ErpItemVariants.FindAsync([itemNo, variantCode], cancellationToken);
        variant!.UnitPrice = price;
        variant.UpdatedAt = now;
        var owner = await db.ErpItems.FindAsync([itemNo], cancellationToken);
        owner!.UpdatedAt = now;
    }

    private static async Task RequireItemAsync(Persistence.ConnectorDbContext db, string field, string itemNo, string variantCode, CancellationToken cancellationToken)
    {
        if (await db.ErpItems.FindAsync([itemNo], cancellationToken) is null)
        {
            throw new ErpValidationException($"{field}.item_no", $"{field}.item_no: item \"{ShopSync.Queue.Entries.RequestLimits.Quote(itemNo)}\" does not exist");
        }
        if (variantCode.Length > 0 && await db.ErpItemVariants.FindAsync([itemNo, variantCode], cancellationToken) is null)
        {
            throw new ErpValidationException($"{field}.variant_code", $"{field}.variant_code: item \"{ShopSync.Queue.Entries.RequestLimits.Quote(itemNo)}\" has no variant \"{ShopSync.Queue.Entries.RequestLimits.Quote(variantCode)}\"");
        }
    }

    private static void RequireNo(string field, string? no)
    {
        if (string.IsNullOrWhiteSpace(no) || no.Length > 20 || no != no.Trim())
        {
            throw new ErpValidationException(field, $"{field} must be 1-20 characters without surrounding spaces");
        }
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
