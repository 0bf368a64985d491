using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ShopSync.Server.Access;

/// <summary>
/// Authenticates one call through the ShopSync scheme (API key, JWT or client certificate) and sets
/// <c>HttpContext.User</c> to the principal (with <see cref="AccessClaims.OnBehalfOf"/> when it may act for the
/// user named in <c>x-shopsync-user</c>). Without a credential the caller is the anonymous admin <c>local</c>,
/// unless <c>--auth required</c>.
/// </summary>
internal sealed class CallAuthenticator(IOptions<AccessOptions> options, FailedAuthLimiter limiter)
{
    public const string UserHeader = "x-shopsync-user";

    private static readonly ClaimsPrincipal Local = new(AccessClaims.Identity(
        AccessAuthentication.SelectorScheme, AccessAuthentication.Anonymous, AccessAuthentication.LocalPrincipal, Roles.Admin, []));

    public async ValueTask<ClaimsPrincipal> AuthenticateAsync(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var peer = http.Connection.RemoteIpAddress?.ToString() ?? context.Peer;
        if (limiter.BlockedFor(peer) is { } wait)
        {
            throw AccessErrors.TooManyFailures(wait);
        }
        var result = await http.AuthenticateAsync(AccessAuthentication.SelectorScheme);
        ClaimsPrincipal principal;
        if (result.Succeeded)
        {
            principal = result.Principal;
        }
        else if (result.Failure is { } failure)
        {
            limiter.RecordFailure(peer);
            throw AccessErrors.Unauthenticated(failure.Message);
        }
        else if (options.Value.Required)
        {
            // No credential at all is no guess at one, so it does not count towards the peer's failures: a browser
            // opening the dashboard asks WhoAmI without a key first, and ten page loads a minute from one office (one
            // address behind NAT) would otherwise lock everyone there out.
            throw AccessErrors.NoCredential();
        }
        else
        {
            principal = Local;
        }
        if (http.Request.Headers[UserHeader].ToString() is { Length: > 0 } user
            && Roles.MayActForUsers(AccessClaims.RoleOf(principal), principal.FindFirst(AccessClaims.Authentication)?.Value ?? ""))
        {
            var identity = ((ClaimsIdentity)principal.Identity!).Clone();
            identity.AddClaim(new Claim(AccessClaims.OnBehalfOf, user.Trim()));
            principal = new ClaimsPrincipal(identity);
        }
        http.User = principal;
        return principal;
    }

    /// <summary>What <c>created_by</c> records: the principal, and the user it acted for.</summary>
    public static string Describe(ClaimsPrincipal user, string fallback)
    {
        var name = AccessClaims.NameOf(user);
        if (name.Length == 0)
        {
            return fallback;
        }
        return AccessClaims.OnBehalfOfOf(user) switch
        {
            null => name,
            // Nobody authenticated: the named user is all there is to record (the demo, a laptop).
            var onBehalfOf when user.FindFirst(AccessClaims.Authentication)?.Value == AccessAuthentication.Anonymous => onBehalfOf,
            var onBehalfOf => $"{onBehalfOf} (via {name})",
        };
    }
}
