using System.Security.Cryptography.X509Certificates;

namespace ShopSync.Connector.Secrets;

/// <summary>Where the Data Protection key ring (which encrypts the shops' access tokens and webhook secrets) is kept.</summary>
public sealed class KeyRingOptions
{
    /// <summary>The configuration section (<c>DataProtection:KeysDirectory</c>, <c>DataProtection:CertificateFile</c>, ...).</summary>
    public const string SectionName = "DataProtection";

    /// <summary>The key folder (0700, one 0600 file per key). The server defaults it to <c>&lt;database&gt;.keys</c>.</summary>
    public string KeysDirectory { get; set; } = "";

    /// <summary>
    /// Optional: a certificate with its private key that encrypts each key at rest, so the key files alone decrypt
    /// nothing either. It must stay available (same certificate) to read the keys it encrypted.
    /// </summary>
    public X509Certificate2? KeyEncryptionCertificate { get; set; }
}
