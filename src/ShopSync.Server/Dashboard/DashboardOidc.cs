using System.Net;
using System.Text.Json;
using ShopSync.Server.Access;

namespace ShopSync.Server.Dashboard;

/// <summary>
/// OIDC sign-in in the page (section <c>Dashboard:Oidc</c>): the page is a public client (authorization code with
/// PKCE, no secret). The provider is <c>Dashboard:Oidc:Authority</c>, else the JWT authority (<c>Access:Jwt:Authority</c>),
/// else the JWT issuer (<c>Access:Jwt:Issuer</c>). What the page learns comes from <c>GET /_shopsync/oidc</c>: the
/// authority, client id and scopes, nothing secret. Off (the page offers API keys only) without a client id.
/// </summary>
internal sealed class DashboardOidc
{
    public const string SectionName = "Dashboard:Oidc";

    public const string ConfigPath = "/_shopsync/oidc";

    private DashboardOidc(string authority, string clientId, string scopes)
    {
        Authority = authority;
        ClientId = clientId;
        Scopes = scopes;
    }

    /// <summary>The issuer identifier as configured (the page compares it with the discovery document's <c>issuer</c>).</summary>
    public string Authority { get; }

    public string ClientId { get; }

    public string Scopes { get; }

    /// <summary>The provider's origin (scheme, host, port): the only one the page's CSP lets it call.</summary>
    public string Origin => new Uri(Authority).GetLeftPart(UriPartial.Authority);

    /// <summary>The settings, or null when <c>Dashboard:Oidc:ClientId</c> is not set; a bad setting stops the start.</summary>
    public static DashboardOidc? From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var clientId = section["ClientId"]?.Trim() ?? "";
        if (clientId.Length == 0)
        {
            return null;
        }

        var authority = First(section["Authority"], configuration["Access:Jwt:Authority"], configuration["Access:Jwt:Issuer"]);
        if (authority is null)
        {
            throw new InvalidOperationException(
                "Dashboard:Oidc:ClientId is set but there is no provider: set Dashboard:Oidc:Authority, Access:Jwt:Authority or Access:Jwt:Issuer");
        }
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Query.Length > 0 || uri.Fragment.Length > 0
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri))))
        {
            throw new InvalidOperationException(
                $"Dashboard:Oidc: the authority \"{authority}\" must be an https URL without query (http only on loopback, for development)");
        }

        if (configuration.GetSection("Access:Jwt").Get<JwtOptions>() is not { Enabled: true })
        {
            throw new InvalidOperationException(
                "Dashboard:Oidc: the server must accept the provider's tokens: set Access:Jwt:Issuer and Access:Jwt:Authority or Access:Jwt:SigningKeys (docs/access-control.md)");
        }

        var scopes = string.Join(' ', (section["Scopes"] is { Length: > 0 } s ? s : "openid profile")
            .Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (!scopes.Split(' ').Contains("openid", StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"Dashboard:Oidc:Scopes: \"{scopes}\" must include openid");
        }
        return new DashboardOidc(authority, clientId, scopes);
    }

    /// <summary>The JSON the page reads at start: <c>{}</c> without OIDC.</summary>
    public static byte[] Document(DashboardOidc? oidc) => oidc is null
        ? "{}"u8.ToArray()
        : JsonSerializer.SerializeToUtf8Bytes(new PageSettings(oidc.Authority, oidc.ClientId, oidc.Scopes), PageSettingsJson.Default.PageSettings);

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    internal sealed record PageSettings(string Authority, string ClientId, string Scopes);
}
