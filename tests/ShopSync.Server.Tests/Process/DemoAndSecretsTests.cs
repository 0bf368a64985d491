using System.Net;
using System.Text;
using ShopSync.Contracts.V1;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Process;

/// <summary>The real binary's --demo flag, and that secrets never reach its output.</summary>
[Collection(RealServerCollection.Name)]
public sealed class DemoAndSecretsTests
{
    [Fact]
    public async Task Demo_ShopDemoPointsAtALiveSandboxThatRefusesCallsWithoutTheToken()
    {
        using var directory = new TempDirectory("shopsync-demo");
        await using var server = await ServerProcess.StartAsync(directory.File("shopsync.db"), ["--demo"]);
        using var api = RealServer.Api(server);

        var shop = (await api.ShopsAsync<GetShopRequest, GetShopResponse>("GetShop", new GetShopRequest { Code = "demo" })).Shop;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var content = new StringContent("""{"query":"{ shop { name } }"}""", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(shop.ShopifyUrl.TrimEnd('/') + "/admin/api/2025-07/graphql.json", content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(shop.HasAccessToken);
        Assert.True(shop.HasWebhookSecret);
        Assert.False(shop.AllowBackgroundSyncs);
        Assert.DoesNotContain("shpat_sandbox_demo_token", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-webhook-secret", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShopSecrets_SentThroughGrpc_NeverAppearInTheServersOutput()
    {
        const string token = "shpat_process-secret-51de";
        const string secret = "whsec_process-secret-a07c";
        using var directory = new TempDirectory("shopsync-secrets");
        await using var server = await ServerProcess.StartAsync(directory.File("shopsync.db"), ["--Logging:LogLevel:Default=Debug"]);
        using var api = RealServer.Api(server);

        var created = (await api.ShopsAsync<CreateShopRequest, CreateShopResponse>("CreateShop", new CreateShopRequest
        {
            Shop = new Shop { Code = "secretive", ShopifyUrl = "secretive", AccessToken = token, WebhookSecret = secret },
        })).Shop;
        await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(() => api.ShopsAsync<CreateShopRequest, CreateShopResponse>("CreateShop", new CreateShopRequest
        {
            Shop = new Shop { Code = "secretive", ShopifyUrl = "secretive", AccessToken = token, WebhookSecret = secret },
        }));
        var read = (await api.ShopsAsync<GetShopRequest, GetShopResponse>("GetShop", new GetShopRequest { Code = "secretive" })).Shop;
        await server.StopAsync();

        Assert.Equal("", created.AccessToken + created.WebhookSecret + read.AccessToken + read.WebhookSecret);
        Assert.True(read.HasAccessToken && read.HasWebhookSecret);
        Assert.NotEmpty(server.Output);
        Assert.DoesNotContain(token, server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, server.Output, StringComparison.Ordinal);
    }
}
