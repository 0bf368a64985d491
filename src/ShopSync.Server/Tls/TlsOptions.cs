namespace ShopSync.Server.Tls;

/// <summary>
/// <c>--tls-cert FILE --tls-key FILE</c> (PEM) for the https:// endpoints, and <c>--tls-client-ca FILE</c> to accept
/// client certificates issued by that CA. Without them an https:// endpoint takes Kestrel's own certificate
/// configuration (<c>Kestrel:Certificates:Default</c>).
/// </summary>
internal sealed class TlsOptions
{
    public const string SectionName = "Tls";

    public string? CertificateFile { get; set; }

    public string? KeyFile { get; set; }

    public string? ClientCaFile { get; set; }
}
