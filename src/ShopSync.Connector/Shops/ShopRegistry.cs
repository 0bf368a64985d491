using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Persistence;

namespace ShopSync.Connector.Shops;

/// <summary>
/// Shops in the connector database. Access tokens and webhook secrets are encrypted at rest with
/// ASP.NET Core Data Protection (keys in the same database) and only leave through <see cref="IShopSecrets"/>.
/// </summary>
internal sealed class ShopRegistry(
    IDbContextFactory<ConnectorDbContext> contexts,
    IDataProtectionProvider dataProtection,
    TimeProvider time) : IShopRegistry, IShopSecrets
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("ShopSync.Shops.Secrets.v1");

    public async Task<Shop> CreateAsync(string code, ShopChanges settings, CancellationToken cancellationToken)
    {
        code = ShopSettingsRules.NormalizeCode(code);
        if (string.IsNullOrWhiteSpace(settings.ShopifyUrl))
        {
            throw new ShopValidationException("shop.shopify_url", "shop.shopify_url is required");
        }
        var entity = ShopEntityMapper.NewWithDefaults(code);
        ShopEntityMapper.Apply(entity, settings, _protector.Protect);
        entity.CreatedAt = entity.UpdatedAt = time.GetUtcNow();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Shops.AnyAsync(s => s.NormalizedCode == entity.NormalizedCode, cancellationToken))
        {
            throw new ShopAlreadyExistsException(code);
        }
        db.Shops.Add(entity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent create of the same code won the race between the check and the insert.
            if (await ExistsAsync(entity.NormalizedCode, cancellationToken))
            {
                throw new ShopAlreadyExistsException(code);
            }
            throw;
        }
        return ShopEntityMapper.ToShop(entity);
    }

    public async Task<Shop> UpdateAsync(string code, ShopChanges changes, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await LoadAsync(db, code, cancellationToken);
        ShopEntityMapper.Apply(entity, changes, _protector.Protect);
        entity.UpdatedAt = time.GetUtcNow();
        entity.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ShopValidationException("shop", $"shop \"{code}\" was changed by someone else meanwhile; read it again and retry");
        }
        return ShopEntityMapper.ToShop(entity);
    }

    public async Task<Shop> GetAsync(string code, CancellationToken cancellationToken) =>
        await FindAsync(code, cancellationToken) ?? throw new ShopNotFoundException(code);

    public async Task<Shop?> FindAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = code.Trim().ToUpperInvariant();
        var entity = await db.Shops.AsNoTracking().SingleOrDefaultAsync(s => s.NormalizedCode == key, cancellationToken);
        return entity is null ? null : ShopEntityMapper.ToShop(entity);
    }

    public async Task<IReadOnlyList<Shop>> ListAsync(string? afterCode, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Shops.AsNoTracking();
        if (!string.IsNullOrEmpty(afterCode))
        {
            var after = afterCode.ToUpperInvariant();
            query = query.Where(s => string.Compare(s.NormalizedCode, after) > 0);
        }
        var rows = await query.OrderBy(s => s.NormalizedCode).Take(limit).ToListAsync(cancellationToken);
        return rows.Select(ShopEntityMapper.ToShop).ToList();
    }

    public async Task DeleteAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await LoadAsync(db, code, cancellationToken);
        db.Shops.Remove(entity);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<string?> GetAccessTokenAsync(string code, CancellationToken cancellationToken) =>
        ReadSecretAsync(code, e => e.ProtectedAccessToken, cancellationToken);

    public Task<string?> GetWebhookSecretAsync(string code, CancellationToken cancellationToken) =>
        ReadSecretAsync(code, e => e.ProtectedWebhookSecret, cancellationToken);

    private async Task<string?> ReadSecretAsync(string code, Func<ShopEntity, string?> select, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await LoadAsync(db, code, cancellationToken);
        return select(entity) is { } protectedValue ? _protector.Unprotect(protectedValue) : null;
    }

    private static async Task<ShopEntity> LoadAsync(ConnectorDbContext db, string code, CancellationToken cancellationToken)
    {
        var key = code.Trim().ToUpperInvariant();
        return await db.Shops.SingleOrDefaultAsync(s => s.NormalizedCode == key, cancellationToken)
            ?? throw new ShopNotFoundException(code);
    }

    private async Task<bool> ExistsAsync(string normalizedCode, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Shops.AnyAsync(s => s.NormalizedCode == normalizedCode, cancellationToken);
    }
}
