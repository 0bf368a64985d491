using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ShopSync.Server.Tests.Infrastructure;

/// <summary>
/// A private CA made in the test (CertificateRequest), a server certificate for 127.0.0.1/localhost and client
/// certificates, written as PEM files into a folder.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly string _folder;

    private TestCertificates(string folder, X509Certificate2 ca)
    {
        _folder = folder;
        Ca = ca;
    }

    public X509Certificate2 Ca { get; }

    public string CaFile => Path.Combine(_folder, "ca.pem");

    public string ServerCertificateFile => Path.Combine(_folder, "server.pem");

    public string ServerKeyFile => Path.Combine(_folder, "server.key");

    public static TestCertificates Create(string folder, string caName = "ShopSync Test CA")
    {
        Directory.CreateDirectory(folder);
        var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={caName}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        var certificates = new TestCertificates(folder, ca);
        File.WriteAllText(certificates.CaFile, ca.ExportCertificatePem());

        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        certificates.Issue("CN=localhost", "1.3.6.1.5.5.7.3.1", san.Build(), certificates.ServerCertificateFile, certificates.ServerKeyFile);
        return certificates;
    }

    /// <summary>A client certificate issued by this CA, with its key, as PEM files; also returned loaded.</summary>
    public X509Certificate2 IssueClient(string name, out string certificateFile, out string keyFile)
    {
        certificateFile = Path.Combine(_folder, name + ".pem");
        keyFile = Path.Combine(_folder, name + ".key");
        Issue("CN=" + name, "1.3.6.1.5.5.7.3.2", null, certificateFile, keyFile);
        using var pem = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    public void Dispose() => Ca.Dispose();

    private void Issue(string subject, string usage, X509Extension? san, string certificateFile, string keyFile)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        if (san is not null)
        {
            request.CertificateExtensions.Add(san);
        }
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(Ca, now.AddHours(-1), now.AddDays(7), RandomNumberGenerator.GetBytes(16));
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
    }
}
