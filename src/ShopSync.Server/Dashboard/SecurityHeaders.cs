namespace ShopSync.Server.Dashboard;

/// <summary>
/// The headers every answer of the web endpoint carries: a strict Content-Security-Policy (everything from this
/// origin only, no inline script or style, no framing), no MIME sniffing, no referrer. With OIDC sign-in configured,
/// connect-src and form-action also name the provider's origin (discovery and token requests), and nothing else.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The policy, with <paramref name="providerOrigin"/> (the OIDC provider) allowed for connect-src and form-action.</summary>
    public static string Policy(string? providerOrigin) => providerOrigin is null
        ? ContentSecurityPolicy
        : ContentSecurityPolicy.Replace("connect-src 'self'", "connect-src 'self' " + providerOrigin, StringComparison.Ordinal)
            .Replace("form-action 'self'", "form-action 'self' " + providerOrigin, StringComparison.Ordinal);

    public static void Apply(IHeaderDictionary headers, string policy)
    {
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
    }
}
