using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using ShopSync.Server.Tls;

namespace ShopSync.Server.Hosting;

/// <summary>
/// Binds Kestrel to the <c>--urls</c> list and the <c>--web-urls</c> list (each ';'-separated).
/// <list type="bullet">
/// <item><c>--urls</c>, cleartext: HTTP/2 only (gRPC with prior knowledge, h2c). https: HTTP/2 or HTTP/1.1 by ALPN.</item>
/// <item><c>--web-urls</c>, cleartext: HTTP/1.1 only, for browsers (gRPC-Web), Shopify's webhooks and later the
/// dashboard; a browser cannot speak h2c. https: HTTP/1.1 or HTTP/2 by ALPN. <c>none</c> turns it off.</item>
/// </list>
/// A certificate for https comes from <c>--tls-cert</c>/<c>--tls-key</c>, else from Kestrel's configuration
/// (<c>Kestrel:Certificates:Default</c>); <c>--tls-client-ca</c> adds optional client certificates.
/// </summary>
internal static class ListenUrls
{
    public const string None = "none";

    /// <summary>Set in the connection's items on every <c>--web-urls</c> connection, so routes can tell the endpoints apart.</summary>
    public const string WebConnectionKey = "shopsync.web-endpoint";

    public static void Apply(KestrelServerOptions kestrel, string urls, string webUrls, ServerTls tls)
    {
        // No server-wide body limit (Kestrel's 30 MB would end an oversized gRPC call as UNKNOWN): gRPC refuses a
        // message over Grpc:MaxReceiveMessageSize from its length prefix (RESOURCE_EXHAUSTED), and the webhook
        // endpoint sets its own limit per request.
        kestrel.Limits.MaxRequestBodySize = null;
        var grpc = ParseList(urls, "--urls");
        if (tls.HasCertificate && grpc.All(u => u.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"--tls-cert is given but --urls \"{urls}\" has no https:// address (e.g. --urls https://0.0.0.0:5000)");
        }
        foreach (var (scheme, endPoint) in grpc)
        {
            Listen(kestrel, endPoint, scheme == Uri.UriSchemeHttps ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http2, scheme == Uri.UriSchemeHttps ? tls : null, web: false);
        }
        if (string.Equals(webUrls.Trim(), None, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        foreach (var (scheme, endPoint) in ParseList(webUrls, "--web-urls"))
        {
            Listen(kestrel, endPoint, scheme == Uri.UriSchemeHttps ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http1, scheme == Uri.UriSchemeHttps ? tls : null, web: true);
        }
    }

    /// <summary>Whether a request came in on a <c>--web-urls</c> endpoint (tagged on its connection, so port 0 works too).</summary>
    public static bool IsWebConnection(HttpContext context) =>
        context.Features.Get<Microsoft.AspNetCore.Connections.Features.IConnectionItemsFeature>()?.Items.ContainsKey(WebConnectionKey) == true;

    private static void Listen(KestrelServerOptions kestrel, IPEndPoint endPoint, HttpProtocols protocols, ServerTls? https, bool web) =>
        kestrel.Listen(endPoint, listen =>
        {
            listen.Protocols = protocols;
            if (web)
            {
                listen.Use(next => connection =>
                {
                    connection.Items[WebConnectionKey] = true;
                    return next(connection);
                });
            }
            if (https is not null)
            {
                listen.UseHttps(https.Configure);
            }
        });

    /// <summary>A ';'-separated list of http(s) addresses as endpoints; a bad one is an error naming the option.</summary>
    internal static IReadOnlyList<(string Scheme, IPEndPoint EndPoint)> ParseList(string urls, string option) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(text => Parse(text, option)).ToList();

    private static (string Scheme, IPEndPoint EndPoint) Parse(string text, string option)
    {
        // Uri rejects the wildcard hosts Kestrel accepts, so they are swapped for an address first.
        var normalized = text.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"{option}: \"{text}\" is not an http:// or https:// address such as {Example(option)}");
        }
        var address = uri.Host switch
        {
            "localhost" => IPAddress.Loopback,
            var host when IPAddress.TryParse(host.Trim('[', ']'), out var ip) => ip,
            _ => throw new ArgumentException($"{option}: \"{text}\": use an IP address, localhost or *"),
        };
        return (uri.Scheme, new IPEndPoint(address, uri.Port));
    }

    private static string Example(string option) => option switch
    {
        "--urls" => ServerCommandLine.DefaultUrls,
        "--web-urls" => ServerCommandLine.DefaultWebUrls,
        _ => "http://127.0.0.1:9464",
    };
}
