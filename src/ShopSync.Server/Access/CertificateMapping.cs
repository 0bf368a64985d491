namespace ShopSync.Server.Access;

/// <summary>One client certificate (by SHA-256 or SHA-1 thumbprint, or by subject) mapped to a principal (section <c>Access:Certificates</c>).</summary>
internal sealed class CertificateMapping
{
    /// <summary>Hex thumbprint (SHA-256 or SHA-1, any case); empty = match by <see cref="Subject"/>.</summary>
    public string Thumbprint { get; set; } = "";

    /// <summary>The subject distinguished name, e.g. <c>CN=erp-prod</c> (only when the CA is trusted to issue no look-alikes).</summary>
    public string Subject { get; set; } = "";

    public string Name { get; set; } = "";

    public string Role { get; set; } = "";

    /// <summary>Empty = every shop.</summary>
    public List<string> Shops { get; set; } = [];
}
