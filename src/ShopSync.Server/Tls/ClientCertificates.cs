using System.Security.Cryptography.X509Certificates;

namespace ShopSync.Server.Tls;

/// <summary>Client certificate validation against the <c>--tls-client-ca</c> CA only (not the machine's trust store).</summary>
internal static class ClientCertificates
{
    public static bool ChainsTo(X509Certificate2 certificate, X509Certificate2Collection ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.2"));
        return chain.Build(certificate);
    }
}
