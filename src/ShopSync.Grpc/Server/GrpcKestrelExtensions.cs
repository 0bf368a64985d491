using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ShopSync.Grpc.Server;

/// <summary>Kestrel endpoints fit for gRPC.</summary>
public static class GrpcKestrelExtensions
{
    /// <summary>
    /// Listens for gRPC: cleartext endpoints speak HTTP/2 only (prior knowledge, h2c), because a cleartext
    /// HTTP/1+2 endpoint cannot negotiate HTTP/2. With a certificate the endpoint uses TLS and ALPN (h2, http/1.1).
    /// </summary>
    public static void ListenGrpc(this KestrelServerOptions kestrel, IPEndPoint endPoint, X509Certificate2? certificate = null)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        kestrel.Listen(endPoint, listen =>
        {
            if (certificate is null)
            {
                listen.Protocols = HttpProtocols.Http2;
            }
            else
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificate);
            }
        });
    }
}
