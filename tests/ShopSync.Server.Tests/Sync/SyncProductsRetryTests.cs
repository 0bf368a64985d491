using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopSync.Contracts.V1;
using ShopSync.Shopify.Client;
using ShopSync.Connector.Erp;
using ShopSync.Shopify.Sandbox;
using ShopSync.Connector.Sync;

namespace ShopSync.Server.Tests.Sync;

/// <summary>
/// Sync Products through the real server where the dispatcher's retry or the client's retries matter: a store failure
/// right after productCreate, and a lost answer. The rest of Sync Products is tested in process (ShopSync.Connector.Tests).
/// </summary>
public sealed class SyncProductsRetryTests
{
    private const string ShirtTitle = "Linen Shirt";
    private const string ProductCreate = "ShopSyncProductCreate";

    private static ErpItemInput Shirt(params ErpVariantInput[] extra) => new("SHIRT", ShirtTitle, null, null, 20m, Variants:
    [
        new ErpVariantInput("S", "Small", "SHIRT-S"),
        new ErpVariantInput("M", "Medium", "SHIRT-M", UnitPrice: 21m),
        new ErpVariantInput("L", "Large", "SHIRT-L", UnitPrice: 22m),
        .. extra,
    ]);

    [Fact]
    public async Task SyncProducts_StoreFailsRightAfterProductCreate_RetryCreatesTheVariantsOnTheSameProduct()
    {
        SandboxStore? store = null;
        await using var server = await SyncTestServer.StartAsync(configure: services => services.AddSingleton<IShopifyCallRecorder>(sp =>
            new FaultAfterCallsRecorder(sp.GetRequiredService<PersistentShopifyCallRecorder>(), () => store!, ProductCreate, afterCalls: 1, faults: 3)));
        store = server.Store;
        await server.Book().UpsertItemsAsync([Shirt()], CancellationToken.None);

        var run = await server.RunAsync(SyncReportIds.SyncProducts, maxAttempts: 2);

        Assert.NotEqual(JobResult.Failed, run.Result);
        Assert.Contains(run.Events, e => e.KindCase == JobEvent.KindOneofCase.AttemptFailed);
        Assert.Equal(1, server.Mutations(ProductCreate));
        var productId = Assert.Single(server.Store.FindProductIds(ShirtTitle));
        Assert.Equal(["SHIRT-L", "SHIRT-M", "SHIRT-S"], server.Store.GetProductVariants(productId).Select(v => v.Sku));
    }

    [Fact]
    public async Task SyncProducts_AnswerOfProductCreateLost_FindsTheProductByHandleAndCreatesNoSecond()
    {
        await using var server = await SyncTestServer.StartAsync();
        await server.Book().UpsertItemsAsync([Shirt()], CancellationToken.None);
        server.Store.LoseNextAnswer(ProductCreate);

        var run = await server.RunAsync(SyncReportIds.SyncProducts);

        Assert.NotEqual(JobResult.Failed, run.Result);
        Assert.Equal(["lost-answer", "ok"], server.Store.Requests.Where(r => r.OperationName == ProductCreate).Select(r => r.Outcome));
        var productId = Assert.Single(server.Store.FindProductIds(ShirtTitle));
        Assert.Equal(["SHIRT-L", "SHIRT-M", "SHIRT-S"], server.Store.GetProductVariants(productId).Select(v => v.Sku));
        await using var db = server.OpenDb();
        Assert.Equal("SHIRT", (await db.SyncProducts.SingleAsync(p => p.ShopifyProductId == productId)).ItemNo);
        Assert.Equal(3, await db.SyncVariants.CountAsync(v => v.ItemNo == "SHIRT"));
        Assert.False(await db.SyncRecordIssues.AnyAsync(i => i.RecordKey == "item:SHIRT"));
    }
}
