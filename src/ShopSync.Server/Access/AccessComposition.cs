using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using ShopSync.Server.Access.Keys;
using ShopSync.Server.Hosting;

namespace ShopSync.Server.Access;

/// <summary>Access control's wiring: the API key store, the authentication schemes, the interceptor's parts and the AccessService.</summary>
internal static class AccessComposition
{
    public static IServiceCollection AddShopSyncAccess(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var section = configuration.GetSection(AccessOptions.SectionName);
        var access = section.Get<AccessOptions>() ?? new AccessOptions();
        services.Configure<AccessOptions>(section);
        services.AddSingleton<IApiKeyStore>(new SqliteApiKeyStore(connectionString));
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<ApiKeyUsage>();
        services.AddHostedService(sp => sp.GetRequiredService<ApiKeyUsage>());
        services.AddSingleton<FailedAuthLimiter>();
        services.AddSingleton<CallAuthenticator>();
        services.AddSingleton<ScopeResources>();
        services.AddSingleton<AccessInterceptor>();
        services.AddSingleton<AccessGrpcService>();

        var authentication = services.AddAuthentication(AccessAuthentication.SelectorScheme)
            .AddPolicyScheme(AccessAuthentication.SelectorScheme, "ShopSync", policy =>
                policy.ForwardDefaultSelector = context => Select(context, access))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AccessAuthentication.ApiKeyScheme, _ => { });
        if (access.Jwt.Enabled)
        {
            authentication.AddJwtBearer(AccessAuthentication.JwtScheme, bearer => JwtSetup.Configure(bearer, access.Jwt));
        }
        if (access.Certificates.Count > 0)
        {
            authentication.AddCertificate(AccessAuthentication.CertificateScheme, certificate => CertificateSetup.Configure(certificate, access.Certificates));
        }
        return services;
    }

    /// <summary>
    /// Refuses a server that anyone on the network could use as the anonymous admin: without <c>--auth required</c>
    /// every gRPC listener (<c>--urls</c> and <c>--web-urls</c>, which carries gRPC-Web) must be on loopback.
    /// </summary>
    public static void CheckSecureListeners(IConfiguration configuration, string urls, string webUrls)
    {
        var access = configuration.GetSection(AccessOptions.SectionName).Get<AccessOptions>() ?? new AccessOptions();
        if (!access.Required && !string.Equals(access.Mode, AccessOptions.LocalMode, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"--auth: \"{access.Mode}\" is not a mode; use --auth required (or leave it out: local)");
        }
        if (access.Required)
        {
            return;
        }
        var open = ListenUrls.ParseList(urls, "--urls")
            .Concat(string.Equals(webUrls.Trim(), ListenUrls.None, StringComparison.OrdinalIgnoreCase) ? [] : ListenUrls.ParseList(webUrls, "--web-urls"))
            .FirstOrDefault(l => !IPAddress.IsLoopback(l.EndPoint.Address));
        if (open.EndPoint is { } endPoint)
        {
            throw new InvalidOperationException(
                $"listening on {endPoint} (not loopback) without authentication would let anyone on the network act as admin; " +
                "start with --auth required and create a key first: shopsync-server keys create --role admin --name NAME (with the same --db)");
        }
    }

    private static string Select(HttpContext context, AccessOptions access)
    {
        if (ApiKeyAuthenticationHandler.BearerValue(context.Request.Headers.Authorization.ToString()) is { } bearer)
        {
            return access.Jwt.Enabled && !ApiKeySecrets.LooksLikeKey(bearer) && bearer.Count(c => c == '.') == 2
                ? AccessAuthentication.JwtScheme
                : AccessAuthentication.ApiKeyScheme;
        }
        return access.Certificates.Count > 0 && context.Connection.ClientCertificate is not null
            ? AccessAuthentication.CertificateScheme
            : AccessAuthentication.ApiKeyScheme;
    }
}
