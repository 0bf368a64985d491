using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace ShopSync.Server.Access;

/// <summary>JWT bearer validation from <see cref="JwtOptions"/> and the mapping of a token's claims to the ShopSync claims.</summary>
internal static class JwtSetup
{
    public static void Configure(JwtBearerOptions bearer, JwtOptions jwt)
    {
        bearer.MapInboundClaims = false;
        bearer.RequireHttpsMetadata = true;
        if (jwt.Authority.Length > 0)
        {
            bearer.Authority = jwt.Authority;
        }
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            ValidateAudience = jwt.Audience.Length > 0,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            IssuerSigningKeys = [.. jwt.SigningKeys.Select(LoadKey)],
            NameClaimType = jwt.NameClaim,
        };
        bearer.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var mapped = Map(context.Principal!, jwt, context.Scheme.Name, out var error);
                if (mapped is null)
                {
                    context.Fail(error!);
                }
                else
                {
                    context.Principal = mapped;
                }
                return Task.CompletedTask;
            },
            OnAuthenticationFailed = context =>
            {
                // The IdentityModel text is precise but long; the caller gets what to fix.
                context.Fail("the bearer token was refused: " + context.Exception.Message.Split('.')[0]);
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>The ShopSync principal of a validated token, or null (with why) when its role claim is missing or unknown.</summary>
    internal static ClaimsPrincipal? Map(ClaimsPrincipal token, JwtOptions jwt, string scheme, out string? error)
    {
        var name = token.FindFirst(jwt.NameClaim)?.Value;
        var role = Roles.Parse(token.FindFirst(jwt.RoleClaim)?.Value);
        if (string.IsNullOrWhiteSpace(name) || role is null)
        {
            error = $"the bearer token needs a '{jwt.NameClaim}' claim and a '{jwt.RoleClaim}' claim naming a role ({string.Join(", ", Roles.All)})";
            return null;
        }
        var shops = token.FindAll(jwt.ShopsClaim)
            .SelectMany(c => c.Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        error = null;
        return new ClaimsPrincipal(AccessClaims.Identity(scheme, AccessAuthentication.Jwt, name, role, shops));
    }

    private static SecurityKey LoadKey(string configured)
    {
        if (configured.StartsWith("base64:", StringComparison.Ordinal))
        {
            return new SymmetricSecurityKey(Convert.FromBase64String(configured[7..]));
        }
        var pem = File.ReadAllText(configured);
        if (pem.Contains("EC PUBLIC KEY", StringComparison.Ordinal) || pem.Contains("EC PRIVATE", StringComparison.Ordinal))
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return new ECDsaSecurityKey(ec);
        }
        try
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
        catch (ArgumentException)
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return new ECDsaSecurityKey(ec);
        }
    }
}
