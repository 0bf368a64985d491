using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using ShopSync.Grpc.Server;

namespace ShopSync.Server.Hosting;

/// <summary>
/// Binds Kestrel to the <c>--urls</c> list (';'-separated). A cleartext URL is an HTTP/2-only endpoint
/// (gRPC with prior knowledge). An https URL negotiates HTTP/2 or HTTP/1.1 by ALPN, so Shopify's
/// HTTP/1.1 webhooks reach it too; its certificate comes from Kestrel's configuration
/// (<c>Kestrel:Certificates:Default</c>).
/// </summary>
internal static class ListenUrls
{
    public static void Apply(KestrelServerOptions kestrel, string urls)
    {
        foreach (var text in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (scheme, endPoint) = Parse(text);
            if (scheme == Uri.UriSchemeHttps)
            {
                kestrel.Listen(endPoint, listen =>
                {
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps();
                });
            }
            else
            {
                kestrel.ListenGrpc(endPoint);
            }
        }
    }

    private static (string Scheme, IPEndPoint EndPoint) Parse(string text)
    {
        // Uri rejects the wildcard hosts Kestrel accepts, so they are swapped for an address first.
        var normalized = text.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"--urls: \"{text}\" is not an http:// or https:// address such as http://127.0.0.1:5000");
        }
        var address = uri.Host switch
        {
            "localhost" => IPAddress.Loopback,
            var host when IPAddress.TryParse(host.Trim('[', ']'), out var ip) => ip,
            _ => throw new ArgumentException($"--urls: \"{text}\": use an IP address, localhost or *"),
        };
        return (uri.Scheme, new IPEndPoint(address, uri.Port));
    }
}
