using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using ShopSync.Server.Dashboard;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Dashboard;

/// <summary>
/// OIDC sign-in settings of the page (Dashboard:Oidc): what GET /_shopsync/oidc tells it, the CSP that then names the
/// provider's origin, and the settings a server refuses to start with. The sign-in itself runs in Chromium
/// (tests/ShopSync.Dashboard.Tests/OidcSignInTests).
/// </summary>
public sealed class DashboardOidcTests
{
    private const string Issuer = "https://login.example.org/realms/shop";

    private static readonly Dictionary<string, string?> Jwt = new()
    {
        ["Access:Jwt:Issuer"] = Issuer,
        ["Access:Jwt:SigningKeys:0"] = "base64:" + Convert.ToBase64String(new byte[32]),
    };

    private static IConfiguration Config(params (string Key, string Value)[] more) =>
        new ConfigurationBuilder().AddInMemoryCollection(Jwt.Concat(more.Select(m => new KeyValuePair<string, string?>(m.Key, m.Value)))).Build();

    [Fact]
    public void From_NoClientId_Off()
    {
        Assert.Null(DashboardOidc.From(Config()));
    }

    [Fact]
    public void From_ClientIdOnly_UsesTheJwtIssuerAndDefaultScopes()
    {
        var oidc = DashboardOidc.From(Config(("Dashboard:Oidc:ClientId", "shopsync-dashboard")))!;

        Assert.Equal(Issuer, oidc.Authority);
        Assert.Equal("https://login.example.org", oidc.Origin);
        Assert.Equal("openid profile", oidc.Scopes);
    }

    [Fact]
    public void From_JwtAuthority_PreferredToTheIssuer()
    {
        var oidc = DashboardOidc.From(Config(("Dashboard:Oidc:ClientId", "c"), ("Access:Jwt:Authority", "https://idp.example.com/tenant")))!;

        Assert.Equal("https://idp.example.com/tenant", oidc.Authority);
    }

    [Theory]
    [InlineData("Dashboard:Oidc:Authority", "http://login.example.org", "must be an https URL")]
    [InlineData("Dashboard:Oidc:Authority", "https://login.example.org/?tenant=1", "must be an https URL without query")]
    [InlineData("Dashboard:Oidc:Scopes", "profile email", "must include openid")]
    public void From_BadSetting_RefusedWithTheSettingsName(string key, string value, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DashboardOidc.From(Config(("Dashboard:Oidc:ClientId", "c"), (key, value))));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Dashboard:Oidc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_ServerAcceptsNoJwt_Refused()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dashboard:Oidc:ClientId"] = "c",
            ["Dashboard:Oidc:Authority"] = Issuer,
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => DashboardOidc.From(config));

        Assert.Contains("Access:Jwt:Issuer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_HttpOnLoopback_AllowedForDevelopment()
    {
        var oidc = DashboardOidc.From(Config(("Dashboard:Oidc:ClientId", "c"), ("Dashboard:Oidc:Authority", "http://127.0.0.1:8080")))!;

        Assert.Equal("http://127.0.0.1:8080", oidc.Origin);
    }

    [Fact]
    public async Task Get_OidcSettings_PublicSettingsAndTheProviderInTheCsp()
    {
        using var root = new TempDirectory("shopsync-dashboard-oidc");
        await File.WriteAllTextAsync(root.File("index.html"), "<!doctype html><title>ShopSync</title>");
        var port = FreePort.Next();
        var settings = new Dictionary<string, string?>(Jwt)
        {
            ["WebUrls"] = $"http://127.0.0.1:{port}",
            ["Dashboard:Root"] = root.Path,
            ["Dashboard:Oidc:ClientId"] = "shopsync-dashboard",
            ["Dashboard:Oidc:Scopes"] = "openid, profile email",
        };
        await using var server = await InProcessServer.StartAsync(settings: settings);
        using var http = new HttpClient();

        using var answer = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/_shopsync/oidc"));
        using var page = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
        Assert.True(answer.Headers.CacheControl?.NoStore);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal(["authority", "clientId", "scopes"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Issuer, json.RootElement.GetProperty("authority").GetString());
        Assert.Equal("shopsync-dashboard", json.RootElement.GetProperty("clientId").GetString());
        Assert.Equal("openid profile email", json.RootElement.GetProperty("scopes").GetString());
        var csp = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("connect-src 'self' https://login.example.org;", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self' https://login.example.org;", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Equal(2, csp.Split("https://login.example.org").Length - 1);
    }
}
