using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ShopSync.Grpc.Client;
using ShopSync.Grpc.Tests.Infrastructure;
using ShopSync.Grpc.Tests.Interop;

namespace ShopSync.Grpc.Tests.Server;

/// <summary>gRPC over TLS (ALPN h2) with a configured certificate.</summary>
public sealed class TlsTests
{
    [Fact]
    public async Task UnaryAndStreaming_TlsEndpoint_Succeed()
    {
        using var certificate = CreateSelfSigned();
        await using var server = await GrpcTestServer.StartAsync(certificate: certificate);
        var address = new UriBuilder(server.Address) { Scheme = Uri.UriSchemeHttps }.Uri;
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            SslOptions = new System.Net.Security.SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) => cert?.GetCertHashString() == certificate.GetCertHashString(),
            },
        });

        await ClientInteropCases.LargeUnary(channel);
        await ClientInteropCases.CustomMetadata(channel);
    }

    private static X509Certificate2 CreateSelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
