using System.Collections.Frozen;
using System.Security.Claims;

namespace ShopSync.Server.Access;

/// <summary>The shops a principal may see and touch: every shop (no <see cref="AccessClaims.Shop"/> claim) or the named ones.</summary>
internal sealed class ShopScope
{
    public static readonly ShopScope Everything = new(null);

    private readonly FrozenSet<string>? _shops;

    private ShopScope(FrozenSet<string>? shops) => _shops = shops;

    public bool IsEverything => _shops is null;

    /// <summary>The one shop of a principal scoped to exactly one; otherwise null.</summary>
    public string? Single => _shops is { Count: 1 } s ? s.First() : null;

    public IReadOnlyCollection<string> Shops => _shops ?? (IReadOnlyCollection<string>)[];

    public static ShopScope Of(ClaimsPrincipal user)
    {
        var shops = AccessClaims.ShopsOf(user);
        return shops.Count == 0 ? Everything : new ShopScope(shops.ToFrozenSet(StringComparer.OrdinalIgnoreCase));
    }

    public bool Allows(string shopCode) => _shops is null || _shops.Contains(shopCode.Trim());
}
