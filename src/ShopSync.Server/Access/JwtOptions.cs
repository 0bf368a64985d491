namespace ShopSync.Server.Access;

/// <summary>JWT bearer tokens from an organisation's identity provider (section <c>Access:Jwt</c>).</summary>
internal sealed class JwtOptions
{
    /// <summary>The token's required <c>iss</c>.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The token's required <c>aud</c>.</summary>
    public string Audience { get; set; } = "";

    /// <summary>An OIDC authority whose discovery document gives the signing keys; empty = only <see cref="SigningKeys"/>.</summary>
    public string Authority { get; set; } = "";

    /// <summary>Signing keys: a PEM public key file (RSA or EC), or <c>base64:…</c> for a symmetric (HMAC) key of at least 32 bytes.</summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>The claim that names the principal.</summary>
    public string NameClaim { get; set; } = "sub";

    /// <summary>The claim whose value is one of the roles (viewer, operator, admin, erp-client).</summary>
    public string RoleClaim { get; set; } = "shopsync_role";

    /// <summary>The claim listing the shops (repeated, or one value separated by spaces or commas); absent = every shop.</summary>
    public string ShopsClaim { get; set; } = "shopsync_shops";

    public bool Enabled => Issuer.Length > 0 && (SigningKeys.Count > 0 || Authority.Length > 0);
}
