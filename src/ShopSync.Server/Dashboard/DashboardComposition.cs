using Microsoft.AspNetCore.StaticFiles;
using ShopSync.Server.Hosting;

namespace ShopSync.Server.Dashboard;

/// <summary>
/// The dashboard on the web endpoint (<c>--web-urls</c>): its files at <c>/</c>, deep links answered with index.html,
/// the security headers, and the origin check in front of every call (docs/dashboard.md).
/// </summary>
internal static partial class DashboardComposition
{
    private const string NotBuilt =
        "ShopSync: the dashboard was not built, so there is nothing to show here.\n\n" +
        "Build it with Node.js installed: `dotnet build src/ShopSync.Server` runs the front-end build\n" +
        "(clients/ShopSync.Dashboard) and copies the bundle to wwwroot/ next to the server binary.\n" +
        "See docs/dashboard.md. The gRPC and gRPC-Web endpoints work without it.\n";

    /// <summary>Runs first in the pipeline: the origin check guards gRPC-Web as well as the files.</summary>
    public static WebApplication UseShopSyncDashboard(this WebApplication app)
    {
        var site = DashboardSite.From(app.Configuration);
        var oidc = DashboardOidc.From(app.Configuration);
        var policy = SecurityHeaders.Policy(oidc?.Origin);
        var oidcDocument = DashboardOidc.Document(oidc);
        app.Use(next => context => OriginGuard.InvokeAsync(context, next));
        app.UseWhen(ListenUrls.IsWebConnection, web =>
        {
            web.Use((context, next) =>
            {
                SecurityHeaders.Apply(context.Response.Headers, policy);
                return next(context);
            });
            web.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = site.Files,
                ContentTypeProvider = new FileExtensionContentTypeProvider(),
                OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                    DashboardPaths.IsHashed(file.File.Name) ? "public, max-age=31536000, immutable" : "no-cache",
            });
        });
        // What the page needs to offer OIDC sign-in (or {}): public settings only, on the web endpoint only.
        app.MapGet(DashboardOidc.ConfigPath, context => AnswerOidcAsync(context, oidcDocument));
        // Deep links (/entries/{id}) get the page, which routes itself; a path with a file extension does not
        // (nonfile), nor a gRPC method, nor anything on the gRPC endpoint.
        app.MapFallback(context => AnswerAsync(context, site));
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ShopSync.Server.Dashboard");
        app.Lifetime.ApplicationStarted.Register(() => Announce(logger, app.Configuration, site));
        return app;
    }

    private static async Task AnswerAsync(HttpContext context, DashboardSite site)
    {
        var request = context.Request;
        if (!ListenUrls.IsWebConnection(context) || DashboardPaths.IsGrpc(request.Path) || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.Headers.CacheControl = "no-cache";
        if (!site.IsBuilt)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(NotBuilt, context.RequestAborted);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        if (HttpMethods.IsGet(request.Method))
        {
            await context.Response.SendFileAsync(site.Index, context.RequestAborted);
        }
    }

    private static async Task AnswerOidcAsync(HttpContext context, byte[] document)
    {
        if (!ListenUrls.IsWebConnection(context))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(document, context.RequestAborted);
    }

    private static void Announce(ILogger logger, IConfiguration configuration, DashboardSite site)
    {
        var webUrls = configuration[ServerCommandLine.WebUrlsKey] is { Length: > 0 } web ? web : ServerCommandLine.DefaultWebUrls;
        if (string.Equals(webUrls.Trim(), ListenUrls.None, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var first = webUrls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0]
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/";
        if (site.IsBuilt)
        {
            LogDashboard(logger, first);
        }
        else
        {
            LogDashboardNotBuilt(logger, first, site.Root);
        }
    }

    [LoggerMessage(EventId = 7460, EventName = "DashboardServed", Level = LogLevel.Information, Message = "Dashboard: {Url}")]
    private static partial void LogDashboard(ILogger logger, string url);

    [LoggerMessage(EventId = 7461, EventName = "DashboardNotBuilt", Level = LogLevel.Warning,
        Message = "Dashboard: {Url} answers that it was not built ({Root} is missing); build the server with Node.js installed (docs/dashboard.md)")]
    private static partial void LogDashboardNotBuilt(ILogger logger, string url, string root);
}
