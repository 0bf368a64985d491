using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopSync.Contracts.V1;
using ShopSync.Shopify.Client;
using ShopSync.Shopify.Sandbox;
using ShopSync.Connector.Sync;

namespace ShopSync.Server.Tests.Sync;

public sealed class SyncResumeTests
{
    [Fact]
    public async Task SyncOrders_StoreFailsAfterPageTwo_RetryResumesFromCheckpointWithoutDuplicates()
    {
        SandboxStore? store = null;
        await using var server = await SyncTestServer.StartAsync(configure: services => services.AddSingleton<IShopifyCallRecorder>(sp =>
            new FaultAfterCallsRecorder(sp.GetRequiredService<PersistentShopifyCallRecorder>(), () => store!, "ShopSyncOrders", afterCalls: 2, faults: 3)));
        store = server.Store;
        var pages = (store.OrderCount + 9) / 10;

        var run = await server.RunAsync(SyncReportIds.SyncOrders, maxAttempts: 2);

        Assert.Equal(JobResult.Succeeded, run.Result);
        var failed = Assert.Single(run.Events, e => e.KindCase == JobEvent.KindOneofCase.AttemptFailed);
        Assert.Equal(1, failed.AttemptFailed.Attempt);
        Assert.Contains(run.Events, e => e.KindCase == JobEvent.KindOneofCase.Started && e.Started.Attempt == 2);
        var answeredPages = store.Requests.Count(r => r.OperationName == "ShopSyncOrders" && r.Status == 200 && r.Outcome == "ok");
        // A clean run reads every page once (plus, at most, one empty last page); starting over would read pages 1-2 twice.
        Assert.InRange(answeredPages, pages, pages + 1);
        await using var db = server.OpenDb();
        Assert.Equal(store.OrderCount, await db.SyncOrders.CountAsync());
        Assert.Equal(store.OrderCount, await db.SyncOrders.Select(o => o.ShopifyOrderId).Distinct().CountAsync());
        await server.Services.GetRequiredService<PersistentShopifyCallRecorder>().FlushAsync(CancellationToken.None);
        await using var calls = server.OpenDb();
        var all = await calls.ShopifyApiCalls.ToListAsync();
        Assert.True(all.Any(c => c.Failed), failed.AttemptFailed.ErrorMessage + " | " + string.Join(",", all.Select(c => c.Outcome + ":" + c.Error)));
        Assert.Contains(all, c => c.Failed && c.OperationName == "ShopSyncOrders" && c.Outcome == ShopifyCallOutcome.Failed);
    }

    [Fact]
    public async Task ShopTasks_RunConcurrentlyThroughEnqueueJob_AreSerialisedAndCreateNoDuplicates()
    {
        await using var server = await SyncTestServer.StartAsync(shop: new() { AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = true });
        await server.RunAsync(SyncReportIds.SyncOrders, new Dictionary<string, string> { ["Order No."] = "1001..1020" });

        var runs = await Task.WhenAll(
            server.RunAsync(SyncReportIds.SyncOrders),
            server.RunAsync(SyncReportIds.CreateSalesOrders),
            server.RunAsync(SyncReportIds.SyncCustomers),
            server.RunAsync(SyncReportIds.CreateSalesOrders));

        Assert.All(runs, r => Assert.NotEqual(JobResult.Failed, r.Result));
        Assert.Contains(runs.SelectMany(r => r.Events), e => e.KindCase == JobEvent.KindOneofCase.Waiting);
        await server.RunAsync(SyncReportIds.CreateSalesOrders);
        await using var db = server.OpenDb();
        var customers = await db.ErpCustomers.ToListAsync();
        Assert.Equal(customers.Count, customers.Select(c => c.NormalizedEmail).Distinct().Count());
        var items = await db.ErpItemVariants.ToListAsync();
        Assert.Equal(items.Count, items.Select(v => v.Sku).Distinct().Count());
        var documents = await db.ErpSalesDocuments.ToListAsync();
        Assert.Equal(documents.Count, documents.Select(d => d.ShopifyOrderId).Distinct().Count());
        Assert.Equal(await db.SyncOrders.CountAsync(o => o.CancelledAt == null), documents.Count);
        var mappings = await db.SyncCustomers.ToListAsync();
        Assert.Equal(mappings.Count, mappings.Select(m => m.ShopifyCustomerId).Distinct().Count());
    }
}
