using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Shops;
using ShopSync.Connector.Sync;
using ShopSync.Connector.Webhooks;
using ShopSync.Shopify.Client;

namespace ShopSync.Storage.Conformance.Connector;

/// <summary>
/// The connector's persistence on every provider: shops, ERP numbers, webhook dedupe and coalescing, the Shopify call
/// recorder. Several nodes on one database where it matters (on SQLite, two service providers on one file).
/// </summary>
public abstract class ConnectorPersistenceConformanceTests
{
    private const string Secret = "whsec_conformance";

    private static CancellationToken Ct => CancellationToken.None;

    protected abstract IConnectorStoreFactory Factory { get; }

    [Fact]
    public async Task CreateShop_ReadOnAnotherNode_SameSettingsAndUtcTimes()
    {
        await using var cluster = await Factory.CreateAsync(2, null, Ct);
        var created = await Registry(cluster, 0).CreateAsync("acme", new ShopChanges
        {
            ShopifyUrl = "https://acme.myshopify.com",
            AccessToken = "shpat_a",
        }, Ct);

        var read = await Registry(cluster, 1).GetAsync("ACME", Ct);
        var listed = await Registry(cluster, 1).ListAsync(null, 10, Ct);

        Assert.Equal("acme", read.Code);
        Assert.Equal(new Uri("https://acme.myshopify.com"), read.ShopifyUrl);
        Assert.True(read.HasAccessToken);
        Assert.Equal(TimeSpan.Zero, read.CreatedAt.Offset);
        Assert.InRange((read.CreatedAt - created.CreatedAt).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
        Assert.Equal("acme", Assert.Single(listed).Code);
    }

    [Fact]
    public async Task NextNumber_ConcurrentOnTwoNodes_EveryNumberOnceAndConsecutive()
    {
        await using var cluster = await Factory.CreateAsync(2, null, Ct);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => TakeNumberAsync(cluster.Nodes[i % 2], commit: true)));

        Assert.Equal(Enumerable.Range(1, 24).Select(n => $"SO{n:D6}"), numbers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NextNumber_TransactionRolledBack_NumberHandedOutAgain()
    {
        await using var cluster = await Factory.CreateAsync(1, null, Ct);
        Assert.Equal("SO000001", await TakeNumberAsync(cluster.Nodes[0], commit: true));

        Assert.Equal("SO000002", await TakeNumberAsync(cluster.Nodes[0], commit: false));
        Assert.Equal("SO000002", await TakeNumberAsync(cluster.Nodes[0], commit: true));
    }

    [Fact]
    public async Task Receive_SameWebhookOnTwoNodesAtOnce_OneSyncAndOneDuplicate()
    {
        var trigger = new CoalescingTrigger();
        await using var cluster = await Factory.CreateAsync(2, s => s.AddSingleton<IOrderSyncTrigger>(trigger), Ct);
        await CreateWebhookShopAsync(cluster);

        var outcomes = await Task.WhenAll(cluster.Nodes.Select(node => ReceiveAsync(node, "delivery-1")));

        Assert.Equal([WebhookOutcomeKind.Accepted, WebhookOutcomeKind.Duplicate], outcomes.Select(o => o.Kind).Order());
        Assert.Equal(1, trigger.Enqueued);
    }

    [Fact]
    public async Task Receive_BurstForOneShopOverTwoNodes_QueuesOneSyncTheRestJoinIt()
    {
        var trigger = new CoalescingTrigger();
        await using var cluster = await Factory.CreateAsync(2, s => s.AddSingleton<IOrderSyncTrigger>(trigger), Ct);
        await CreateWebhookShopAsync(cluster);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => ReceiveAsync(cluster.Nodes[i % 2], $"burst-{i}")));

        Assert.All(outcomes, o => Assert.Equal(WebhookOutcomeKind.Accepted, o.Kind));
        Assert.Single(outcomes, o => !o.Coalesced);
        Assert.Single(outcomes.Select(o => o.JobId).Distinct());
        Assert.Equal(1, trigger.Enqueued);
        Assert.Equal(1, trigger.MaxInside);
    }

    [Fact]
    public async Task Receive_TriggerFails_DeliveryForgottenSoTheRetryIsAccepted()
    {
        var trigger = new FailingOnceTrigger();
        await using var cluster = await Factory.CreateAsync(1, s => s.AddSingleton<IOrderSyncTrigger>(trigger), Ct);
        await CreateWebhookShopAsync(cluster);

        await Assert.ThrowsAsync<InvalidOperationException>(() => ReceiveAsync(cluster.Nodes[0], "retry-1"));
        var retry = await ReceiveAsync(cluster.Nodes[0], "retry-1");

        Assert.Equal(WebhookOutcomeKind.Accepted, retry.Kind);
    }

    [Fact]
    public async Task RecordCalls_ThenFlush_StoredWithTheirTimesAndOutcomes()
    {
        await using var cluster = await Factory.CreateAsync(1, null, Ct);
        var contexts = cluster.Nodes[0].GetRequiredService<IDbContextFactory<ConnectorDbContext>>();
        using var recorder = new PersistentShopifyCallRecorder(contexts, NullLogger<PersistentShopifyCallRecorder>.Instance);
        await recorder.StartAsync(Ct);
        var started = new DateTimeOffset(2026, 3, 1, 10, 15, 30, 123, TimeSpan.FromHours(-5));
        recorder.Record(new ShopifyCallRecord("ACME", "https://acme.myshopify.com", "Orders", false, ShopifyCallOutcome.Succeeded, 200, 52, 12, 0, 0, "req-1", null, started, TimeSpan.FromMilliseconds(40)));
        recorder.Record(new ShopifyCallRecord("ACME", "https://acme.myshopify.com", "Orders", false, ShopifyCallOutcome.Failed, 500, 52, null, 2, 1, "req-2", new string('x', 2500), started.AddSeconds(1), TimeSpan.FromMilliseconds(90)));

        await recorder.FlushAsync(Ct);
        await recorder.StopAsync(Ct);

        await using var db = await contexts.CreateDbContextAsync(Ct);
        var rows = await db.ShopifyApiCalls.OrderBy(c => c.StartedAt).ToListAsync(Ct);
        Assert.Equal(2, rows.Count);
        Assert.Equal(started.ToUniversalTime(), rows[0].StartedAt);
        Assert.False(rows[0].Failed);
        Assert.True(rows[1].Failed);
        Assert.Equal(2000, rows[1].Error!.Length);
        Assert.Equal(1, await db.ShopifyApiCalls.CountAsync(c => c.StartedAt > started, Ct));
    }

    private static IShopRegistry Registry(ConnectorNodes cluster, int node) => cluster.Nodes[node].GetRequiredService<IShopRegistry>();

    private static async Task<string> TakeNumberAsync(IServiceProvider node, bool commit)
    {
        await using var db = await node.GetRequiredService<IDbContextFactory<ConnectorDbContext>>().CreateDbContextAsync(Ct);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var number = await ErpNumberSeries.NextAsync(db, ErpNumberSeries.SalesOrder, Ct);
        if (commit)
        {
            await transaction.CommitAsync(Ct);
        }
        else
        {
            await transaction.RollbackAsync(Ct);
        }

        return number;
    }

    private static Task CreateWebhookShopAsync(ConnectorNodes cluster) =>
        Registry(cluster, 0).CreateAsync("hooks", new ShopChanges { ShopifyUrl = "https://hooks.myshopify.com", WebhookSecret = Secret }, Ct);

    private static Task<WebhookOutcome> ReceiveAsync(IServiceProvider node, string webhookId)
    {
        var body = Encoding.UTF8.GetBytes("{\"id\":1}");
        return node.GetRequiredService<WebhookReceiver>()
            .ReceiveAsync("hooks", "orders/updated", webhookId, WebhookSignature.Compute(Secret, body), body, Ct);
    }

    private sealed class FailingOnceTrigger : IOrderSyncTrigger
    {
        private int _calls;

        public Task<OrderSyncTriggerResult> TriggerAsync(string shopCode, string reason, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1
                ? throw new InvalidOperationException("the queue is down")
                : Task.FromResult(new OrderSyncTriggerResult(Guid.NewGuid().ToString(), Coalesced: false));
    }
}
