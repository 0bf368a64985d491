using System.Security.Claims;
using Grpc.Core;

namespace ShopSync.Server.Audit;

/// <summary>
/// Who makes a call, as the audit trail records it. With authentication, the principal is the user's
/// <see cref="ClaimTypes.Name"/> and "on behalf of" the <c>shopsync:on_behalf_of</c> claim (set only for principals
/// allowed to act for users). Without (loopback, no keys) the principal is <c>local</c> and "on behalf of" the
/// unverified <c>x-shopsync-user</c> header. A call refused as UNAUTHENTICATED is recorded with the principal
/// <see cref="Unauthenticated"/>.
/// </summary>
internal static class AuditCaller
{
    public const string Anonymous = "local";
    public const string Unauthenticated = "(unauthenticated)";
    public const string OnBehalfOfClaim = "shopsync:on_behalf_of";
    public const string UserHeader = "x-shopsync-user";

    public static (string Principal, string? OnBehalfOf) Of(ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var principal = user.FindFirst(ClaimTypes.Name)?.Value ?? user.Identity.Name ?? Anonymous;
            return (principal, user.FindFirst(OnBehalfOfClaim)?.Value);
        }
        return (Anonymous, context.RequestHeaders.GetValue(UserHeader) is { Length: > 0 } header ? header : null);
    }
}
