using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ShopSync.Dashboard.Tests;

/// <summary>
/// A small OpenID Connect provider on 127.0.0.1 for the dashboard's sign-in: discovery, JWKS, an /authorize that
/// signs in <see cref="NextUser"/> at once and redirects back with a code, and a /token endpoint that checks the
/// client, the redirect URI and the PKCE verifier (S256) and answers an RS256 access token with the role claim and an
/// ID token with the nonce. Discovery and token answer CORS for <see cref="AllowedOrigin"/>, as real providers do.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "shopsync-dashboard";
    public const string Audience = "shopsync";
    private const string KeyId = "test-key-1";

    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private WebApplication? _app;

    private sealed record Grant(string Challenge, string RedirectUri, string? Nonce, string Subject, string Role, int LifetimeSeconds);

    /// <summary>The issuer (http://127.0.0.1:port, no trailing slash).</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>The dashboard's origin: the only one CORS answers and redirect URIs may point to.</summary>
    public string AllowedOrigin { get; set; } = "";

    /// <summary>Who /authorize signs in next (the tests run one after another).</summary>
    public (string Subject, string Role) NextUser { get; set; } = ("alice@example.org", "admin");

    /// <summary>The lifetime of the next tokens, in seconds.</summary>
    public int NextLifetimeSeconds { get; set; } = 3600;

    /// <summary>How many codes /token has exchanged (a refused exchange does not count).</summary>
    public int Exchanged => _exchanged;

    private int _exchanged;

    public async Task<string> StartAsync(string publicKeyFolder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", Discovery);
        _app.MapGet("/jwks", Jwks);
        _app.MapGet("/authorize", Authorize);
        _app.MapMethods("/token", ["OPTIONS"], context => { Cors(context); context.Response.StatusCode = 204; return Task.CompletedTask; });
        _app.MapPost("/token", Token);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Issuer = address.TrimEnd('/');
        var pem = Path.Combine(publicKeyFolder, "oidc-public.pem");
        await File.WriteAllTextAsync(pem, _key.ExportSubjectPublicKeyInfoPem());
        return pem;
    }

    private void Cors(HttpContext context)
    {
        if (context.Request.Headers.Origin.ToString() is { Length: > 0 } origin && origin == AllowedOrigin)
        {
            context.Response.Headers.AccessControlAllowOrigin = origin;
            context.Response.Headers.AccessControlAllowMethods = "GET, POST";
            context.Response.Headers.AccessControlAllowHeaders = "content-type, accept, dpop";
            context.Response.Headers.Vary = "Origin";
        }
    }

    private Task Discovery(HttpContext context)
    {
        Cors(context);
        return context.Response.WriteAsJsonAsync(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "none" },
        });
    }

    private Task Jwks(HttpContext context)
    {
        Cors(context);
        var p = _key.ExportParameters(false);
        return context.Response.WriteAsJsonAsync(new
        {
            keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64Url(p.Modulus!), e = Base64Url(p.Exponent!) } },
        });
    }

    private IResult Authorize(HttpContext context)
    {
        var q = context.Request.Query;
        var redirect = q["redirect_uri"].ToString();
        if (q["client_id"] != ClientId || redirect != AllowedOrigin + "/signin/oidc")
        {
            return Results.BadRequest("unknown client_id or redirect_uri");
        }
        var target = redirect + "?";
        if (q["response_type"] != "code" || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
        {
            return Results.Redirect(target + "error=invalid_request&error_description=" + Uri.EscapeDataString("code with an S256 PKCE challenge required") + "&state=" + Uri.EscapeDataString(q["state"].ToString()));
        }
        var code = Base64Url(RandomNumberGenerator.GetBytes(24));
        _codes[code] = new Grant(q["code_challenge"]!, redirect, q["nonce"], NextUser.Subject, NextUser.Role, NextLifetimeSeconds);
        return Results.Redirect(target + "code=" + code + "&state=" + Uri.EscapeDataString(q["state"].ToString()) + "&iss=" + Uri.EscapeDataString(Issuer));
    }

    private async Task Token(HttpContext context)
    {
        Cors(context);
        var form = await context.Request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId)
        {
            await Refuse(context, "invalid_client", "unknown client or grant type");
            return;
        }
        if (!_codes.TryRemove(form["code"].ToString(), out var grant) || grant.RedirectUri != form["redirect_uri"])
        {
            await Refuse(context, "invalid_grant", "unknown or used code");
            return;
        }
        var verifier = form["code_verifier"].ToString();
        if (Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.Challenge)
        {
            await Refuse(context, "invalid_grant", "PKCE verification failed: the code_verifier does not match the code_challenge");
            return;
        }
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var exp = now + grant.LifetimeSeconds;
        var access = Sign(new Dictionary<string, object> { ["iss"] = Issuer, ["aud"] = Audience, ["sub"] = grant.Subject, ["shopsync_role"] = grant.Role, ["iat"] = now, ["exp"] = exp });
        var idClaims = new Dictionary<string, object> { ["iss"] = Issuer, ["aud"] = ClientId, ["sub"] = grant.Subject, ["iat"] = now, ["exp"] = exp };
        if (grant.Nonce is { Length: > 0 } nonce)
        {
            idClaims["nonce"] = nonce;
        }
        Interlocked.Increment(ref _exchanged);
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(new Dictionary<string, object>
        {
            ["access_token"] = access,
            ["token_type"] = "Bearer",
            ["expires_in"] = grant.LifetimeSeconds,
            ["id_token"] = Sign(idClaims),
            ["scope"] = "openid profile",
        });
    }

    private static Task Refuse(HttpContext context, string error, string description)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return context.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description });
    }

    private string Sign(Dictionary<string, object> claims)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = KeyId }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + payload + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        _key.Dispose();
    }
}
