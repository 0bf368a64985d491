using System.Security.Claims;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ShopSync.Contracts.V1;

namespace ShopSync.Server.Tests.Access;

/// <summary>JWT bearer tokens from configuration's issuer, audience and key, mapped to a role and shops.</summary>
public sealed class JwtBearerTests
{
    private const string Issuer = "https://idp.example.test";
    private const string Audience = "shopsync";
    private static readonly byte[] Secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    [Fact]
    public async Task WhoAmI_ValidToken_IsItsSubjectRoleAndShops()
    {
        await using var server = await StartAsync();
        var access = new AccessService.AccessServiceClient(server.Api.Channel.Invoker);

        var me = await access.WhoAmIAsync(new WhoAmIRequest(), Options(Token(Audience, "ops@example", "operator", "demo north")));

        Assert.Equal(("ops@example", "operator", "jwt"), (me.Principal, me.Role, me.Authentication));
        Assert.Equal(["demo", "north"], me.Shops.ToArray());
    }

    [Fact]
    public async Task WhoAmI_WrongAudienceOrNoRole_IsUnauthenticated()
    {
        await using var server = await StartAsync();
        var access = new AccessService.AccessServiceClient(server.Api.Channel.Invoker);

        var audience = await Assert.ThrowsAsync<RpcException>(() =>
            access.WhoAmIAsync(new WhoAmIRequest(), Options(Token("someone-else", "ops@example", "operator", null))).ResponseAsync);
        var role = await Assert.ThrowsAsync<RpcException>(() =>
            access.WhoAmIAsync(new WhoAmIRequest(), Options(Token(Audience, "ops@example", "superuser", null))).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, audience.StatusCode);
        Assert.Contains("bearer token was refused", audience.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unauthenticated, role.StatusCode);
        Assert.Contains("shopsync_role", role.Status.Detail, StringComparison.Ordinal);
    }

    private static Task<Infrastructure.InProcessServer> StartAsync() => AccessServer.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Access:Jwt:Issuer"] = Issuer,
        ["Access:Jwt:Audience"] = Audience,
        ["Access:Jwt:SigningKeys:0"] = "base64:" + Convert.ToBase64String(Secret),
    });

    private static string Token(string audience, string subject, string role, string? shops)
    {
        var claims = new List<Claim> { new("sub", subject), new("shopsync_role", role) };
        if (shops is not null)
        {
            claims.Add(new Claim("shopsync_shops", shops));
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            Expires = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Secret), SecurityAlgorithms.HmacSha256),
        });
    }

    private static CallOptions Options(string token) => new(AccessServer.Bearer(token), TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30));
}
