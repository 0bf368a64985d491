using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using ShopSync.Contracts.V1;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Access;

/// <summary>
/// A client certificate presented over TLS is mapped to a principal. The TLS listener is the test's own (an extra
/// Kestrel endpoint that asks for client certificates); the server's TLS options are not what is tested here.
/// </summary>
public sealed class ClientCertificateTests
{
    [Fact]
    public async Task WhoAmI_MappedClientCertificate_IsTheMappingsPrincipal()
    {
        using var serverCert = SelfSigned("CN=localhost");
        using var mapped = SelfSigned("CN=erp-box");
        using var unmapped = SelfSigned("CN=stranger");
        var port = FreePort.Next();
        await using var server = await AccessServer.StartAsync(
            (services, _) => services.Configure<KestrelServerOptions>(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = serverCert,
                    ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                    ClientCertificateValidation = (_, _, _) => true,
                });
            })),
            new Dictionary<string, string?>
            {
                ["Access:Certificates:0:Thumbprint"] = mapped.GetCertHashString(HashAlgorithmName.SHA256),
                ["Access:Certificates:0:Name"] = "erp-box",
                ["Access:Certificates:0:Role"] = "erp-client",
                ["Access:Certificates:0:Shops:0"] = "demo",
            });

        var me = await WhoAmIAsync(port, mapped);
        var refused = await Assert.ThrowsAsync<RpcException>(() => WhoAmIAsync(port, unmapped));

        Assert.Equal(("erp-box", "erp-client", "certificate", "demo"), (me.Principal, me.Role, me.Authentication, Assert.Single(me.Shops)));
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("not mapped to a role", refused.Status.Detail, StringComparison.Ordinal);
    }

    private static async Task<WhoAmIResponse> WhoAmIAsync(int port, X509Certificate2 clientCertificate)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.ClientCertificates = [clientCertificate];
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        using var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{port}", new GrpcChannelOptions { HttpHandler = handler });
        var access = new AccessService.AccessServiceClient(channel);
        return await access.WhoAmIAsync(new WhoAmIRequest(), deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30));
    }

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        var now = TimeProvider.System.GetUtcNow();
        using var cert = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        // A PFX round trip gives a key SslStream can use on every platform.
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }
}
