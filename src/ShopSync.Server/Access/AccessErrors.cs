using Google.Rpc;
using Grpc.Core;
using ShopSync.Server.Grpc;

namespace ShopSync.Server.Access;

/// <summary>The statuses of access control: UNAUTHENTICATED, PERMISSION_DENIED (naming the permission), RESOURCE_EXHAUSTED.</summary>
internal static class AccessErrors
{
    private const string Domain = "shopsync.v1";

    public static RpcException Unauthenticated(string why) => RpcErrors.WithDetails(
        StatusCode.Unauthenticated, "Not authenticated: " + why + ".", Info("UNAUTHENTICATED"));

    public static RpcException NoCredential() => Unauthenticated(
        "this server requires a credential; send 'authorization: Bearer <API key or token>' (shopsync --token, SHOPSYNC_TOKEN or --token-file)");

    public static RpcException PermissionDenied(string method, string permission, string principal, string? role) =>
        RpcErrors.WithDetails(
            StatusCode.PermissionDenied,
            $"Permission '{permission}' is required for {Short(method)}; '{principal}' has the role '{role}', which does not grant it.",
            Info("PERMISSION_DENIED", ("permission", permission), ("role", role ?? "")));

    public static RpcException NeedsEveryShop(string method, string permission, string principal, ShopScope scope) =>
        RpcErrors.WithDetails(
            StatusCode.PermissionDenied,
            $"Permission '{permission}' for every shop is required for {Short(method)}; '{principal}' is limited to {string.Join(", ", scope.Shops)}.",
            Info("PERMISSION_DENIED", ("permission", permission)));

    public static RpcException NoRule(string method) => RpcErrors.WithDetails(
        StatusCode.PermissionDenied, $"{method} has no access rule, so nobody may call it.", Info("NO_RULE"));

    public static RpcException TooManyFailures(TimeSpan retryAfter) => RpcErrors.WithDetails(
        StatusCode.ResourceExhausted,
        $"Too many failed authentications from this address; try again in {Math.Ceiling(retryAfter.TotalSeconds)} s.",
        Info("AUTHENTICATION_RATE_LIMITED"),
        new RetryInfo { RetryDelay = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(retryAfter) });

    private static string Short(string method) => method.TrimStart('/');

    private static ErrorInfo Info(string reason, params (string Key, string Value)[] metadata)
    {
        var info = new ErrorInfo { Reason = reason, Domain = Domain };
        foreach (var (key, value) in metadata)
        {
            info.Metadata[key] = value;
        }
        return info;
    }
}
