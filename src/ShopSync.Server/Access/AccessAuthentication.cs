namespace ShopSync.Server.Access;

/// <summary>The values of <see cref="AccessClaims.Authentication"/> and the authentication schemes behind them.</summary>
internal static class AccessAuthentication
{
    public const string ApiKey = "api-key";
    public const string Jwt = "jwt";
    public const string Certificate = "certificate";
    public const string Anonymous = "anonymous";

    /// <summary>The default scheme: picks the API key, JWT or certificate scheme per request.</summary>
    public const string SelectorScheme = "ShopSync";
    public const string ApiKeyScheme = "ShopSyncApiKey";
    public const string JwtScheme = "ShopSyncJwt";
    public const string CertificateScheme = "ShopSyncCertificate";

    /// <summary>The name of the anonymous principal on loopback without <c>--auth required</c>.</summary>
    public const string LocalPrincipal = "local";
}
