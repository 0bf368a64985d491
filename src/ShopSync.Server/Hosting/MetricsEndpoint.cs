using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using OpenTelemetry.Exporter;

namespace ShopSync.Server.Hosting;

/// <summary>
/// The Prometheus scrape endpoint <c>/metrics</c>: on the browser/HTTP endpoint (<c>--web-urls</c>) and, if given, on
/// its own HTTP/1.1 listener (<c>--metrics-urls</c>, configuration <c>Metrics:Urls</c>, e.g. http://127.0.0.1:9464);
/// never on the gRPC port. The route checks the connection itself (its web-endpoint tag or its local port), not the
/// Host header, which RequireHost would match and a caller can forge.
/// </summary>
internal static class MetricsEndpoint
{
    public const string Path = "/metrics";

    /// <summary>
    /// Adds the <c>--metrics-urls</c> listener(s); false when there is nowhere to serve <c>/metrics</c> (no web endpoint
    /// and no metrics URL) or it is turned off with <c>Metrics:Enabled=false</c>.
    /// </summary>
    public static bool Configure(WebApplicationBuilder builder)
    {
        var endPoints = EndPoints(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var endPoint in endPoints)
            {
                kestrel.Listen(endPoint, listen => listen.Protocols = HttpProtocols.Http1);
            }
        });
        return Enabled(builder.Configuration, endPoints);
    }

    private static bool Enabled(IConfiguration configuration, List<IPEndPoint> endPoints)
    {
        var webOn = !string.Equals(configuration[ServerCommandLine.WebUrlsKey]?.Trim(), ListenUrls.None, StringComparison.OrdinalIgnoreCase);
        return configuration.GetValue("Metrics:Enabled", true) && (webOn || endPoints.Count > 0);
    }

    public static WebApplication MapShopSyncMetrics(this WebApplication app)
    {
        var endPoints = EndPoints(app.Configuration);
        if (!Enabled(app.Configuration, endPoints))
        {
            return app;
        }

        var ports = endPoints.Select(e => e.Port).ToHashSet();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == Path && (ListenUrls.IsWebConnection(context) || ports.Contains(context.Connection.LocalPort)));
        return app;
    }

    private static List<IPEndPoint> EndPoints(IConfiguration configuration)
    {
        var text = configuration["metrics-urls"] is { Length: > 0 } flag ? flag : configuration["Metrics:Urls"];
        var endPoints = new List<IPEndPoint>();
        foreach (var (scheme, endPoint) in ListenUrls.ParseList(text ?? string.Empty, "--metrics-urls"))
        {
            if (scheme != Uri.UriSchemeHttp || endPoint.Port <= 0)
            {
                throw new ArgumentException($"--metrics-urls: {endPoint} must be an http:// address with a port such as http://127.0.0.1:9464");
            }

            endPoints.Add(endPoint);
        }

        return endPoints;
    }
}
