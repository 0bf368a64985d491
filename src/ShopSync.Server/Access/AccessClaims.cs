using System.Security.Claims;

namespace ShopSync.Server.Access;

/// <summary>
/// The claims every authenticated caller carries on <c>HttpContext.User</c>, whatever the credential: its name
/// (<see cref="ClaimTypes.Name"/>), one <see cref="Role"/>, zero or more <see cref="Shop"/> (none = every shop) and,
/// when a principal that may act for users sent <c>x-shopsync-user</c>, <see cref="OnBehalfOf"/>. These names are
/// a contract (the audit trail reads them): do not rename.
/// </summary>
internal static class AccessClaims
{
    public const string Role = "shopsync:role";
    public const string Shop = "shopsync:shop";
    public const string OnBehalfOf = "shopsync:on_behalf_of";

    /// <summary>How the caller authenticated: api-key, jwt, certificate or anonymous.</summary>
    public const string Authentication = "shopsync:authentication";

    public static ClaimsIdentity Identity(string scheme, string kind, string name, string role, IEnumerable<string> shops)
    {
        var identity = new ClaimsIdentity(scheme, ClaimTypes.Name, Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, name));
        identity.AddClaim(new Claim(Role, role));
        identity.AddClaim(new Claim(Authentication, kind));
        foreach (var shop in shops)
        {
            identity.AddClaim(new Claim(Shop, shop));
        }
        return identity;
    }

    public static string? RoleOf(ClaimsPrincipal user) => user.FindFirst(Role)?.Value;

    public static string NameOf(ClaimsPrincipal user) => user.FindFirst(ClaimTypes.Name)?.Value ?? "";

    public static string? OnBehalfOfOf(ClaimsPrincipal user) => user.FindFirst(OnBehalfOf)?.Value;

    public static IReadOnlyList<string> ShopsOf(ClaimsPrincipal user) => [.. user.FindAll(Shop).Select(c => c.Value)];
}
