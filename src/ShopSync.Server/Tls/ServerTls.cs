using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace ShopSync.Server.Tls;

/// <summary>The server certificate of <c>--tls-cert</c>/<c>--tls-key</c> and the client CA of <c>--tls-client-ca</c>, loaded at start.</summary>
internal sealed class ServerTls
{
    private ServerTls(X509Certificate2? certificate, X509Certificate2Collection? clientCa)
    {
        Certificate = certificate;
        ClientCa = clientCa;
    }

    public X509Certificate2? Certificate { get; }

    public X509Certificate2Collection? ClientCa { get; }

    /// <summary>Whether <c>--tls-cert</c> was given (the default gRPC address then is https://).</summary>
    public bool HasCertificate => Certificate is not null;

    /// <summary>Loads the files named in <paramref name="options"/>; a missing or unreadable one stops the start with its name.</summary>
    public static ServerTls Load(TlsOptions options)
    {
        var hasCertificate = !string.IsNullOrWhiteSpace(options.CertificateFile);
        var hasKey = !string.IsNullOrWhiteSpace(options.KeyFile);
        if (hasCertificate != hasKey)
        {
            throw new InvalidOperationException(hasCertificate
                ? "--tls-cert needs --tls-key FILE (the certificate's PEM private key)"
                : "--tls-key needs --tls-cert FILE (the PEM certificate)");
        }
        var certificate = hasCertificate
            ? PemFiles.LoadCertificateWithKey(options.CertificateFile!, options.KeyFile!, "--tls-cert", "--tls-key")
            : null;
        var clientCa = string.IsNullOrWhiteSpace(options.ClientCaFile) ? null : PemFiles.LoadCertificates(options.ClientCaFile, "--tls-client-ca");
        return new ServerTls(certificate, clientCa);
    }

    /// <summary>An https:// endpoint: this certificate (or Kestrel's configured one) and, with a client CA, client certificates.</summary>
    public void Configure(HttpsConnectionAdapterOptions https)
    {
        if (Certificate is not null)
        {
            https.ServerCertificate = Certificate;
        }
        if (ClientCa is { } ca)
        {
            // Optional: a caller without a certificate still connects (and authenticates otherwise); one with a
            // certificate that does not chain to the CA is refused in the handshake.
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            https.ClientCertificateValidation = (certificate, _, _) => ClientCertificates.ChainsTo(certificate, ca);
        }
    }
}
