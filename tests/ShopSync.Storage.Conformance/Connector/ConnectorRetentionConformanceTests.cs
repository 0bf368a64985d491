using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Retention;
using ShopSync.Connector.Status;
using ShopSync.Connector.Sync;
using ShopSync.Connector.Webhooks;
using ShopSync.Queue.Retention;
using ShopSync.Shopify.Client;

namespace ShopSync.Storage.Conformance.Connector;

/// <summary>The connector's retention sweep and its cue counts (one raw statement) on every provider.</summary>
public abstract class ConnectorRetentionConformanceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    protected abstract IConnectorStoreFactory Factory { get; }

    [Fact]
    public async Task Sweep_OldCallsAndDeliveries_GoAndTheFailedCallTheCueCountsStays()
    {
        var clock = new FakeTimeProvider(Now);
        await using var cluster = await Factory.CreateAsync(
            1, s => s.AddSingleton<TimeProvider>(clock).AddConnectorStatus().AddConnectorRetention(o => o.BatchSize = 2), CancellationToken.None);
        var node = cluster.Nodes[0];
        var contexts = node.GetRequiredService<IDbContextFactory<ConnectorDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.ShopifyApiCalls.AddRange(
                Call("old-1", Now.AddDays(-8), failed: false),
                Call("old-2", Now.AddDays(-9), failed: false),
                Call("old-3", Now.AddDays(-10), failed: false),
                Call("young", Now.AddDays(-6), failed: false),
                Call("failed-cue", Now.AddDays(-10), failed: true),
                Call("failed-old", Now.AddDays(-31), failed: true));
            db.Set<WebhookDeliveryEntity>().AddRange(Delivery("w-old", Now.AddDays(-4)), Delivery("w-young", Now.AddDays(-1)));
            await db.SaveChangesAsync();
        }

        var results = new List<RetentionPartResult>();
        foreach (var part in node.GetServices<IRetentionPart>())
        {
            results.Add(await part.SweepAsync(TimeSpan.FromSeconds(30), CancellationToken.None));
        }

        Assert.Equal([("recorded Shopify calls", 4L, true), ("webhook deliveries", 1L, true)], results.Select(r => (r.Name, r.Removed, r.Complete)));
        await using (var db = await contexts.CreateDbContextAsync())
        {
            Assert.Equal(["failed-cue", "young"], (await db.ShopifyApiCalls.Select(c => c.RequestId!).ToListAsync()).Order(StringComparer.Ordinal));
            Assert.Equal(["w-young"], await db.Set<WebhookDeliveryEntity>().Select(d => d.WebhookId).ToListAsync());
        }

        var cues = await node.GetRequiredService<ConnectorCueCounter>().CountAsync("TEST", CancellationToken.None);
        Assert.Equal(1, cues[StatusCue.ApiErrors]);
        Assert.Equal(0, cues[StatusCue.UnprocessedOrders]);
    }

    private static ShopifyApiCallEntity Call(string requestId, DateTimeOffset at, bool failed) => new()
    {
        ShopCode = "TEST",
        OperationName = "orders",
        Outcome = failed ? ShopifyCallOutcome.GraphQLErrors : ShopifyCallOutcome.Succeeded,
        Failed = failed,
        RequestId = requestId,
        StartedAt = at,
    };

    private static WebhookDeliveryEntity Delivery(string id, DateTimeOffset at) =>
        new() { WebhookId = id, ShopCode = "TEST", Topic = "orders/updated", ReceivedAtTicks = at.UtcTicks };
}
