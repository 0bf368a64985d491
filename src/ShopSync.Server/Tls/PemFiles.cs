using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ShopSync.Server.Tls;

/// <summary>Reads PEM certificates and keys; a missing or bad file is one error naming the option and the file.</summary>
internal static class PemFiles
{
    public static X509Certificate2 LoadCertificateWithKey(string certificateFile, string keyFile, string certificateOption, string keyOption)
    {
        RequireFile(certificateFile, certificateOption);
        RequireFile(keyFile, keyOption);
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
            // A certificate whose key came from PEM has an ephemeral key; a PKCS#12 round trip gives one every
            // platform's TLS stack accepts.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"{certificateOption} {certificateFile} / {keyOption} {keyFile}: not a PEM certificate and its matching private key ({e.Message})", e);
        }
    }

    public static X509Certificate2Collection LoadCertificates(string file, string option)
    {
        RequireFile(file, option);
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(file);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"{option} {file}: not a PEM certificate file ({e.Message})", e);
        }
        if (certificates.Count == 0)
        {
            throw new InvalidOperationException($"{option} {file}: holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }

    private static void RequireFile(string file, string option)
    {
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"{option} {file}: no such file");
        }
    }
}
