using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using ShopSync.Server.Access.Keys;

namespace ShopSync.Server.Access;

/// <summary>
/// <c>authorization: Bearer ssk_…</c>: hashes the key, finds it through <see cref="ApiKeyCache"/>, refuses it when
/// revoked or expired (checked on every call) and otherwise makes its principal.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyCache keys,
    ApiKeyUsage usage,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerValue(Request.Headers.Authorization.ToString()) is not { } value)
        {
            return AuthenticateResult.NoResult();
        }
        if (!ApiKeySecrets.LooksLikeKey(value))
        {
            return AuthenticateResult.Fail("the bearer credential is neither a ShopSync API key (ssk_…) nor a token this server accepts");
        }
        var key = await keys.FindAsync(ApiKeySecrets.Hash(value), Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("unknown API key (it may have been mistyped or deleted)");
        }
        if (key.RevokedAt is { } revoked)
        {
            return AuthenticateResult.Fail($"the API key '{key.Name}' was revoked at {Format(revoked)}");
        }
        var now = time.GetUtcNow();
        if (key.IsExpired(now))
        {
            return AuthenticateResult.Fail($"the API key '{key.Name}' expired at {Format(key.ExpiresAt!.Value)}");
        }
        usage.Record(key);
        var identity = AccessClaims.Identity(Scheme.Name, AccessAuthentication.ApiKey, key.Name, key.Role, key.Shops);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    internal static string? BearerValue(string header) =>
        header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header[7..].Trim() is { Length: > 0 } value ? value : null;

    private static string Format(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
