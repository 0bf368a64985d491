namespace ShopSync.Server.Access;

/// <summary>Access control (configuration section <c>Access</c>; <c>--auth required</c> sets <see cref="Mode"/>).</summary>
internal sealed class AccessOptions
{
    public const string SectionName = "Access";

    /// <summary>
    /// <c>local</c> (the default): a caller without a credential is the anonymous admin <c>local</c>, allowed only when
    /// every gRPC listener is on loopback (the server refuses to start otherwise). <c>required</c>: every call needs
    /// an API key, a JWT or a mapped client certificate.
    /// </summary>
    public string Mode { get; set; } = LocalMode;

    public const string LocalMode = "local";
    public const string RequiredMode = "required";

    public bool Required => string.Equals(Mode, RequiredMode, StringComparison.OrdinalIgnoreCase);

    /// <summary>Failed authentications a peer (IP address) may make per <see cref="FailureWindow"/> before it is refused for the rest of it.</summary>
    public int FailuresPerWindow { get; set; } = 10;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>JWT bearer tokens (off unless <see cref="JwtOptions.Issuer"/> and a signing key or authority are set).</summary>
    public JwtOptions Jwt { get; set; } = new();

    /// <summary>Client certificates mapped to principals (used when the TLS listener asks for client certificates).</summary>
    public List<CertificateMapping> Certificates { get; set; } = [];
}
