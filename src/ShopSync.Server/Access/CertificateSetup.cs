using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.Certificate;

namespace ShopSync.Server.Access;

/// <summary>
/// Client certificates: the TLS listener asks for them (and may check them against a CA); this maps a presented
/// certificate to a principal by <see cref="AccessOptions.Certificates"/>. An unmapped certificate is refused.
/// </summary>
internal static class CertificateSetup
{
    public static void Configure(CertificateAuthenticationOptions certificate, IReadOnlyList<CertificateMapping> mappings)
    {
        // The mapping (by thumbprint) is the trust decision; chain checks against a CA are the TLS listener's.
        certificate.AllowedCertificateTypes = CertificateTypes.All;
        certificate.RevocationMode = X509RevocationMode.NoCheck;
        certificate.ValidateCertificateUse = false;
        certificate.ValidateValidityPeriod = true;
        certificate.Events = new CertificateAuthenticationEvents
        {
            OnCertificateValidated = context =>
            {
                var cert = context.ClientCertificate;
                var mapping = Find(mappings, cert);
                if (mapping is null)
                {
                    context.Fail($"the client certificate {cert.Subject} (SHA-256 {Sha256(cert)}) is not mapped to a role (Access:Certificates)");
                    return Task.CompletedTask;
                }
                var name = mapping.Name.Length > 0 ? mapping.Name : cert.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
                context.Principal = new ClaimsPrincipal(AccessClaims.Identity(
                    context.Scheme.Name, AccessAuthentication.Certificate, name, mapping.Role, mapping.Shops));
                context.Success();
                return Task.CompletedTask;
            },
            OnAuthenticationFailed = context =>
            {
                context.Fail("the client certificate was refused: " + context.Exception.Message);
                return Task.CompletedTask;
            },
        };
    }

    internal static CertificateMapping? Find(IReadOnlyList<CertificateMapping> mappings, X509Certificate2 cert)
    {
        var sha256 = Sha256(cert);
        return mappings.FirstOrDefault(m => m.Thumbprint.Length > 0
                ? string.Equals(Normalize(m.Thumbprint), sha256, StringComparison.OrdinalIgnoreCase)
                  || string.Equals(Normalize(m.Thumbprint), cert.Thumbprint, StringComparison.OrdinalIgnoreCase)
                : m.Subject.Length > 0 && string.Equals(m.Subject, cert.Subject, StringComparison.Ordinal));
    }

    internal static string Sha256(X509Certificate2 cert) => cert.GetCertHashString(HashAlgorithmName.SHA256);

    private static string Normalize(string thumbprint) => thumbprint.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
}
