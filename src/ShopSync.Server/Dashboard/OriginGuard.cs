using System.Net;
using Grpc.Core;

namespace ShopSync.Server.Dashboard;

/// <summary>
/// Refuses cross-site calls: a request that carries an <c>Origin</c> other than the server's own (scheme, host and
/// port as the browser addressed it) and is not a plain GET or HEAD is refused; a gRPC or gRPC-Web call with
/// PERMISSION_DENIED, anything else (a CORS preflight among them) with 403. No CORS header is ever sent. On a
/// loopback connection the host must be a loopback name, so a page that rebinds its own DNS name to 127.0.0.1
/// cannot pass as same-origin. Calls without Origin (the CLI, curl, grpcurl) are not browsers and pass.
/// </summary>
internal static class OriginGuard
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.Headers.Origin.ToString() is not { Length: > 0 } origin || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || IsOwn(origin, context))
        {
            await next(context);
            return;
        }

        // A CORS preflight is not a call: it gets a plain 403 (and never an Access-Control-* grant).
        if (!HttpMethods.IsOptions(request.Method) && (DashboardPaths.IsGrpcContent(request) || DashboardPaths.IsGrpc(request.Path)))
        {
            // A trailers-only answer: the status in the headers, no message.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = DashboardPaths.IsGrpcContent(request) ? request.ContentType : "application/grpc-web+proto";
            context.Response.Headers["grpc-status"] = ((int)StatusCode.PermissionDenied).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString("cross-site call refused: the Origin is not this server's own");
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Cross-site request refused: the Origin is not this server's own.\n", context.RequestAborted);
    }

    private static bool IsOwn(string origin, HttpContext context)
    {
        var request = context.Request;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !request.Host.HasValue
            || !string.Equals(origin.TrimEnd('/'), $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var local = context.Connection.LocalIpAddress;
        return local is null || !IPAddress.IsLoopback(local) || IsLoopbackName(uri.IdnHost);
    }

    private static bool IsLoopbackName(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
