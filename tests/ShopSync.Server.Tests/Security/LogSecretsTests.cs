using System.Net;
using System.Text;
using Grpc.Core;
using ShopSync.Client;
using ShopSync.Connector.Webhooks;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Process;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Security;

/// <summary>
/// A real server run at Debug level: a Shopify token, a webhook secret, an API-key-like bearer credential and the
/// Data Protection master key never appear in any line it prints, whatever the calls (including failing ones).
/// </summary>
[Collection(RealServerCollection.Name)]
public sealed class LogSecretsTests
{
    private const string Token = "shpat_log-probe-7f3a9c";
    private const string NewToken = "shpat_log-probe-rotated-21be";
    private const string WebhookSecret = "whsec_log-probe-e41d";
    private const string ApiKey = "ssk_live_log-probe-0c55d1e2";

    [Fact]
    public async Task ServerRun_WithSecretsInRequestsHeadersAndWebhooks_PrintsNoneOfThem()
    {
        using var directory = new TempDirectory("shopsync-log-secrets");
        var database = directory.File("shopsync.db");
        await using var server = await ServerProcess.StartAsync(database, ["--Logging:LogLevel:Default=Debug", "--Logging:LogLevel:Microsoft=Debug"]);
        // An API-key-shaped credential the server does not know: refused, and neither the refusal nor anything else
        // prints it. The calls below run as the loopback's anonymous admin.
        using (var stranger = ShopSyncClient.Create(new ShopSyncClientOptions
        {
            Address = server.Address,
            Credentials = new BearerCredentials(ApiKey),
        }))
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => stranger.Shops.ListShopsAsync(new ListShopsRequest()));
            Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        }
        using var client = ShopSyncClient.Create(new ShopSyncClientOptions { Address = server.Address });

        await client.Shops.CreateShopAsync(new CreateShopRequest
        {
            Shop = new Shop { Code = "probe", ShopifyUrl = "http://127.0.0.1:9", AccessToken = Token, WebhookSecret = WebhookSecret },
        });
        var update = new UpdateShopRequest { Shop = new Shop { Code = "probe", AccessToken = NewToken }, UpdateMask = new() };
        update.UpdateMask.Paths.Add("access_token");
        await client.Shops.UpdateShopAsync(update);
        await Assert.ThrowsAsync<RpcException>(() => client.Shops.CreateShopAsync(new CreateShopRequest
        {
            Shop = new Shop { Code = "probe", ShopifyUrl = "probe", AccessToken = Token, WebhookSecret = WebhookSecret },
        }));
        await Assert.ThrowsAsync<RpcException>(() => client.Shops.UpdateShopAsync(new UpdateShopRequest
        {
            Shop = new Shop { Code = "probe", AccessToken = Token, ApiVersion = "not-a-version" },
        }));
        // A sync against the dead URL fails and logs its failure; the token it would send must not be in it.
        await foreach (var _ in client.Jobs.EnqueueJobAsync(new EnqueueJobRequest { ShopCode = "probe", ReportId = 30104, Mode = RunMode.Foreground, MaxAttempts = 1 }))
        {
        }
        using (var http = new HttpClient { BaseAddress = server.WebAddress, Timeout = TimeSpan.FromSeconds(60) })
        {
            var body = Encoding.UTF8.GetBytes("""{"id":1,"name":"#1001"}""");
            foreach (var signature in new[] { WebhookSignature.Compute(WebhookSecret, body), WebhookSecret })
            {
                using var content = new ByteArrayContent(body);
                using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/shopify/probe") { Content = content };
                request.Headers.Add("X-Shopify-Topic", "orders/create");
                request.Headers.Add("X-Shopify-Webhook-Id", Guid.NewGuid().ToString());
                request.Headers.Add("X-Shopify-Hmac-Sha256", signature);
                using var response = await http.SendAsync(request);
                Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            }
        }
        var masterKeys = Directory.GetFiles(database + ".keys", "*.xml")
            .Select(file => System.Xml.Linq.XElement.Load(file).Descendants("masterKey").Single().Element("value")!.Value)
            .ToList();
        await server.StopAsync();

        Assert.NotEmpty(masterKeys);
        Assert.Contains("probe", server.Output, StringComparison.Ordinal);
        foreach (var secret in (string[])[Token, NewToken, WebhookSecret, ApiKey, .. masterKeys])
        {
            Assert.DoesNotContain(secret, server.Output, StringComparison.Ordinal);
        }
    }

    /// <summary>An API-key-like credential in the authorization header, as the CLI and the typed client send keys.</summary>
    private sealed class BearerCredentials(string key) : IShopSyncCallCredentials
    {
        public ValueTask ApplyAsync(Metadata metadata, CancellationToken cancellationToken)
        {
            metadata.Add("authorization", "Bearer " + key);
            return ValueTask.CompletedTask;
        }
    }
}
