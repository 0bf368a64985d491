using System.Net;
using ShopSync.Contracts.V1;
using ShopSync.Queue.Handlers;
using ShopSync.Server.Tests.Infrastructure;

namespace ShopSync.Server.Tests.Webhooks;

/// <summary>
/// POST /webhooks/shopify/{shop} on the real server: signature, unknown shop, duplicates, coalescing. Sync
/// Orders (30104) is a gated test handler here, so the tests control when its runs end and do not depend on
/// the real task.
/// </summary>
public sealed class WebhookTests
{
    private const int SyncOrders = 30104;
    private const string Secret = "whsec_webhook-tests";

    [Fact]
    public async Task Webhook_CorrectSignature_Answers200AndQueuesSyncOrders()
    {
        await using var server = await StartAsync();
        await server.Api.CreateShopAsync("hooked", webhookSecret: Secret);
        using var client = new WebhookClient(server.Address);

        var reply = await client.PostAsync("hooked", Secret, "delivery-1");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("Accepted", reply.Outcome);
        var job = await server.Api.GetJobAsync(reply.JobId!);
        Assert.Equal(SyncOrders, job.ReportId);
        Assert.Equal("hooked", job.ShopCode);
        Assert.Equal("webhook", job.CreatedBy);
        await server.Gate.WaitStartedAsync(reply.JobId!);
    }

    [Fact]
    public async Task Webhook_WrongSignature_Answers401AndQueuesNothing()
    {
        await using var server = await StartAsync();
        await server.Api.CreateShopAsync("hooked", webhookSecret: Secret);
        using var client = new WebhookClient(server.Address);

        var wrongKey = await client.PostAsync("hooked", "not-the-secret", "delivery-1");
        var garbage = await client.PostAsync("hooked", Secret, "delivery-2", signature: "bm90IGEgc2lnbmF0dXJl");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.Status);
        Assert.Empty(await SyncOrdersEntriesAsync(server, "hooked"));
        Assert.Contains(server.Logs.Records, r => r.EventId.Id == 6001);
        Assert.DoesNotContain(Secret, server.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_UnknownShop_Answers404()
    {
        await using var server = await StartAsync();
        using var client = new WebhookClient(server.Address);

        var reply = await client.PostAsync("nobody", Secret, "delivery-1");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
    }

    [Fact]
    public async Task Webhook_ShopWithoutWebhookSecret_Answers401()
    {
        await using var server = await StartAsync();
        await server.Api.CreateShopAsync("no-secret");
        using var client = new WebhookClient(server.Address);

        var reply = await client.PostAsync("no-secret", "", "delivery-1");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Empty(await SyncOrdersEntriesAsync(server, "no-secret"));
    }

    [Fact]
    public async Task Webhook_TopicThatIsNotAnOrderTopic_Answers200AndQueuesNothing()
    {
        await using var server = await StartAsync();
        await server.Api.CreateShopAsync("hooked", webhookSecret: Secret);
        using var client = new WebhookClient(server.Address);

        var reply = await client.PostAsync("hooked", Secret, "delivery-1", topic: "products/update");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("IgnoredTopic", reply.Outcome);
        Assert.Empty(await SyncOrdersEntriesAsync(server, "hooked"));
    }

    [Fact]
    public async Task Webhook_DuplicateDeliveryId_IsNotQueuedTwice()
    {
        await using var server = await StartAsync();
        server.Gate.HoldRuns = false;
        await server.Api.CreateShopAsync("hooked", webhookSecret: Secret);
        using var client = new WebhookClient(server.Address);
        var first = await client.PostAsync("hooked", Secret, "delivery-1");
        await server.Api.WaitForStatusAsync(first.JobId!, JobStatus.Finished);

        // Nothing is pending any more, so only the duplicate check can keep this from queuing.
        var again = await client.PostAsync("hooked", Secret, "delivery-1");
        var entriesAfterDuplicate = await SyncOrdersEntriesAsync(server, "hooked");
        var fresh = await client.PostAsync("hooked", Secret, "delivery-2");

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("Duplicate", again.Outcome);
        Assert.Single(entriesAfterDuplicate);
        Assert.Equal("Accepted", fresh.Outcome);
        Assert.NotEqual(first.JobId, fresh.JobId);
        Assert.Equal(2, (await SyncOrdersEntriesAsync(server, "hooked")).Count);
    }

    [Fact]
    public async Task Webhook_50ConcurrentDeliveries_LeaveAtMostOnePendingBesideOneRunning()
    {
        await using var server = await StartAsync();
        await server.Api.CreateShopAsync("busy", webhookSecret: Secret);
        using var client = new WebhookClient(server.Address);

        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => client.PostAsync("busy", Secret, $"delivery-{i}")));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(replies, r => Assert.Equal("Accepted", r.Outcome));
        var entries = await SyncOrdersEntriesAsync(server, "busy");
        Assert.InRange(entries.Count, 1, 2);
        Assert.True(entries.Count(j => j.Status is JobStatus.Ready or JobStatus.Waiting) <= 1, string.Join(", ", entries.Select(j => j.Status)));
        Assert.True(entries.Count(j => j.Status == JobStatus.InProcess) <= 1);
        Assert.Equal(entries.Select(j => j.Id).ToHashSet(), replies.Select(r => r.JobId!).ToHashSet());
    }

    [Fact]
    public async Task Webhook_BodyOverTheLimit_Answers413CountedAsTooLargeAndQueuesNothing()
    {
        long tooLarge = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "shopsync.webhooks.received")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "shopsync.outcome" && (string?)tag.Value == "TooLarge")
                {
                    Interlocked.Add(ref tooLarge, value);
                }
            }
        });
        listener.Start();
        await using var server = await StartAsync();
        await server.Api.CreateShopAsync("hooked", webhookSecret: Secret);
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        var body = new byte[1024 * 1024 + 1];

        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/shopify/hooked")
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Add("X-Shopify-Topic", "orders/create");
        request.Headers.Add("X-Shopify-Webhook-Id", "too-large-1");
        request.Headers.Add("X-Shopify-Hmac-Sha256", ShopSync.Connector.Webhooks.WebhookSignature.Compute(Secret, body));
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("TooLarge", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, Interlocked.Read(ref tooLarge));
        Assert.Empty(await SyncOrdersEntriesAsync(server, "hooked"));
    }

    private static Task<InProcessServer> StartAsync() =>
        InProcessServer.StartAsync((services, gate) =>
        {
            // Whatever Sync Orders handler the composition has, the test's gated one replaces it.
            var composed = services.Where(d => d.ServiceType == typeof(IReportHandler)
                && d.ImplementationInstance is not GatedReportHandler && d.ImplementationType != typeof(ProbeReportHandler)).ToList();
            foreach (var descriptor in composed)
            {
                services.Remove(descriptor);
            }
            services.AddSingleton<IReportHandler>(new GatedReportHandler(SyncOrders, "Sync Orders (test)", gate));
        });

    private static async Task<List<Job>> SyncOrdersEntriesAsync(InProcessServer server, string shop) =>
        [.. (await server.Api.JobsAsync<ListJobsRequest, ListJobsResponse>(
            "ListJobs", new ListJobsRequest { ShopCode = shop, ReportId = SyncOrders })).Jobs];
}
