using ShopSync.Connector;
using ShopSync.Connector.Secrets;
using ShopSync.Server.Tls;

namespace ShopSync.Server.Hosting;

/// <summary>
/// The key ring's place from configuration: <c>DataProtection:KeysDirectory</c> (default <c>&lt;database&gt;.keys</c>)
/// and optionally <c>DataProtection:CertificateFile</c> + <c>DataProtection:CertificateKeyFile</c> (PEM), a certificate
/// that encrypts every new key at rest.
/// </summary>
internal static class KeyRingSetup
{
    public static KeyRingOptions Load(IConfiguration configuration, string connectionString)
    {
        var section = configuration.GetSection(KeyRingOptions.SectionName);
        var options = new KeyRingOptions
        {
            KeysDirectory = section["KeysDirectory"] is { Length: > 0 } directory
                ? Path.GetFullPath(directory)
                : ShopsServiceCollectionExtensions.DefaultKeysDirectory(connectionString),
        };
        if (section["CertificateFile"] is { Length: > 0 } certificate)
        {
            var key = section["CertificateKeyFile"] is { Length: > 0 } k ? k : certificate;
            options.KeyEncryptionCertificate = PemFiles.LoadCertificateWithKey(
                certificate, key, "DataProtection:CertificateFile", "DataProtection:CertificateKeyFile");
        }
        return options;
    }
}
