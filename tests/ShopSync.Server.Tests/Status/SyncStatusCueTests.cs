using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Sync;
using ShopSync.Connector.Erp;
using ShopSync.Shopify.Sandbox;
using ShopSync.Connector.Sync;

namespace ShopSync.Server.Tests.Status;

/// <summary>Cue counts against the records of each cue's definition, seeded through the real sync tasks and the sandbox store.</summary>
public sealed class SyncStatusCueTests
{
    [Fact]
    public async Task GetSyncStatus_AutoCreateCustomersOff_CountsUnmappedCustomersAndUnprocessedOrdersExactly()
    {
        await using var server = await SyncTestServer.StartAsync(shop: new() { AutoCreateUnknownCustomers = false, AutoCreateUnknownItems = true });
        await server.RunAsync(SyncReportIds.SyncOrders, new Dictionary<string, string> { ["Order No."] = "1001..1010" });
        await server.RunAsync(SyncReportIds.CreateSalesOrders);

        var status = Assert.Single((await server.Channel.GetStatusAsync(SyncTestServer.ShopCode)).Shops);

        await using var db = server.OpenDb();
        var unprocessed = await db.SyncOrders.CountAsync(o => o.Status == SyncOrderStatus.Unprocessed);
        var unmapped = await db.SyncCustomers.CountAsync(c => c.CustomerNo == null);
        Assert.Equal(10, unprocessed);
        Assert.True(unmapped > 0);
        Assert.Equal(unprocessed, status.Cue(Cue.UnprocessedOrders).Count);
        Assert.Equal(CueLevel.Alert, status.Cue(Cue.UnprocessedOrders).Level);
        Assert.Equal(unmapped, status.Cue(Cue.UnmappedCustomers).Count);
        Assert.Equal(await db.SyncProducts.CountAsync(p => p.ItemNo == null), status.Cue(Cue.UnmappedProducts).Count);
        Assert.Equal(0, status.Cue(Cue.UnprocessedOrderUpdates).Count);
        Assert.Equal(0, status.Cue(Cue.SynchronizationErrors).Count);
        Assert.Equal(0, status.Cue(Cue.ApiErrors).Count);
        Assert.Equal(CueLevel.Ok, status.Cue(Cue.ApiErrors).Level);
        Assert.Equal(10, status.Cues.Count);
        var orders = status.Tasks.Single(t => t.ReportId == SyncReportIds.SyncOrders);
        Assert.NotNull(orders.LastSuccess);
        Assert.Null(orders.LastFailure);
        Assert.False(orders.FailingNow);
        Assert.Equal("Sync Orders from Shopify", orders.ReportName);
        Assert.Contains(status.Tasks, t => t.ReportId == SyncReportIds.CreateSalesOrders && t.LastSuccess != null);
    }

    [Fact]
    public async Task ListCueRecords_UnprocessedOrders_PagesEveryOrderWithItsReason()
    {
        await using var server = await SyncTestServer.StartAsync(shop: new() { AutoCreateUnknownCustomers = false, AutoCreateUnknownItems = true });
        await server.RunAsync(SyncReportIds.SyncOrders, new Dictionary<string, string> { ["Order No."] = "1001..1010" });
        await server.RunAsync(SyncReportIds.CreateSalesOrders);

        var records = await server.Channel.AllRecordsAsync(SyncTestServer.ShopCode, Cue.UnprocessedOrders, pageSize: 4);
        var customers = await server.Channel.AllRecordsAsync("", Cue.UnmappedCustomers, pageSize: 3);
        var first = await server.Channel.ListCueRecordsAsync(new ListCueRecordsRequest { ShopCode = SyncTestServer.ShopCode, Cue = Cue.UnprocessedOrders, PageSize = 4 });

        await using var db = server.OpenDb();
        var expected = await db.SyncOrders.Where(o => o.Status == SyncOrderStatus.Unprocessed).Select(o => o.ShopifyOrderId).ToListAsync();
        Assert.Equal(expected.Order(), records.Select(r => r.Key).Order());
        Assert.All(records, r => Assert.Contains("auto_create_unknown_customers is off", r.Reason, StringComparison.Ordinal));
        Assert.All(records, r => Assert.Equal(SyncTestServer.ShopCode, r.ShopCode));
        Assert.Equal(10, first.Total);
        Assert.Equal(4, first.Records.Count);
        var unmapped = await db.SyncCustomers.Where(c => c.CustomerNo == null).Select(c => c.ShopifyCustomerId).ToListAsync();
        Assert.Equal(unmapped.Order(), customers.Select(c => c.Key).Order());
    }

    [Fact]
    public async Task GetSyncStatus_ShopifyAnswers500_CountsApiErrorsAndTheFailedRun()
    {
        await using var server = await SyncTestServer.StartAsync();
        server.Store.InjectFaults(new SandboxFault(SandboxFaultKind.InternalServerError), 3);

        var run = await server.RunAsync(SyncReportIds.SyncOrders);
        await server.Services.GetRequiredService<PersistentShopifyCallRecorder>().FlushAsync(CancellationToken.None);

        Assert.Equal(JobResult.Failed, run.Result);
        var status = Assert.Single((await server.Channel.GetStatusAsync(SyncTestServer.ShopCode)).Shops);
        await using var db = server.OpenDb();
        var failedCalls = await db.ShopifyApiCalls.CountAsync(c => c.Failed);
        Assert.True(failedCalls >= 1);
        Assert.Equal(failedCalls, status.Cue(Cue.ApiErrors).Count);
        Assert.Equal(1, status.Cue(Cue.SynchronizationErrors).Count);
        var task = status.Tasks.Single(t => t.ReportId == SyncReportIds.SyncOrders);
        Assert.True(task.FailingNow);
        Assert.Equal(1, task.ConsecutiveFailures);
        Assert.Equal(run.Completed.ErrorMessage, task.LastFailureMessage);
        var apiErrors = await server.Channel.AllRecordsAsync(SyncTestServer.ShopCode, Cue.ApiErrors, pageSize: 10);
        Assert.Equal(failedCalls, apiErrors.Count);
        Assert.Contains("ShopSyncOrders", apiErrors[0].Description, StringComparison.Ordinal);
        var syncErrors = await server.Channel.AllRecordsAsync(SyncTestServer.ShopCode, Cue.SynchronizationErrors, pageSize: 10);
        Assert.Equal(run.Completed.ErrorMessage, Assert.Single(syncErrors).Reason);
    }

    [Fact]
    public async Task GetSyncStatus_Shipments_CountsPendingErrorAndSkippedShipments()
    {
        await using var server = await SyncTestServer.StartAsync(shop: new()
        {
            AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = true, CreateInvoicesForFulfilledOrders = false,
        });
        await server.RunAsync(SyncReportIds.SyncOrders, new Dictionary<string, string> { ["Order No."] = "1001..1021", ["Fulfillment Status"] = "Unfulfilled" });
        await server.RunAsync(SyncReportIds.CreateSalesOrders);
        ErpSalesDocumentEntity order;
        await using (var db = server.OpenDb())
        {
            order = await db.ErpSalesDocuments.OrderBy(d => d.Id).FirstAsync();
            db.ErpPostedShipments.Add(new ErpPostedShipmentEntity
            {
                No = "SHP-NOITEMS", SalesOrderNo = order.No, ShopCode = SyncTestServer.ShopCode, ShopifyOrderId = order.ShopifyOrderId,
                ShopifyOrderNo = order.ShopifyOrderNo, CustomerNo = order.CustomerNo, FulfillmentState = ErpFulfillmentState.Pending,
            });
            await db.SaveChangesAsync();
        }
        var pending = Assert.Single((await server.Channel.GetStatusAsync(SyncTestServer.ShopCode)).Shops);
        Assert.Equal(1, pending.Cue(Cue.UnprocessedShipments).Count);

        await server.RunAsync(SyncReportIds.SyncShipments);
        await using (var db = server.OpenDb())
        {
            // Written the way FulfillmentSender writes a refusal (the refusal itself is tested in SyncShipmentsTests).
            db.ErpPostedShipments.Add(new ErpPostedShipmentEntity
            {
                No = "SHP-ERROR", SalesOrderNo = order.No, ShopCode = SyncTestServer.ShopCode, ShopifyOrderId = order.ShopifyOrderId,
                ShopifyOrderNo = order.ShopifyOrderNo, CustomerNo = order.CustomerNo, FulfillmentState = ErpFulfillmentState.Error,
                FulfillmentError = "fulfillment refused",
            });
            await db.SaveChangesAsync();
        }

        var status = Assert.Single((await server.Channel.GetStatusAsync(SyncTestServer.ShopCode)).Shops);
        Assert.Equal(0, status.Cue(Cue.UnprocessedShipments).Count);
        Assert.Equal(1, status.Cue(Cue.SkippedRecords).Count);
        Assert.Equal(1, status.Cue(Cue.ShipmentErrors).Count);
        var skipped = Assert.Single(await server.Channel.AllRecordsAsync(SyncTestServer.ShopCode, Cue.SkippedRecords, pageSize: 5));
        Assert.Equal("SHP-NOITEMS", skipped.Key);
        Assert.Contains("no item lines", skipped.Reason, StringComparison.Ordinal);
        var error = Assert.Single(await server.Channel.AllRecordsAsync(SyncTestServer.ShopCode, Cue.ShipmentErrors, pageSize: 5));
        Assert.Equal("fulfillment refused", error.Reason);
    }

    [Fact]
    public async Task SetCueThresholds_DefaultThenShop_ChangesTheLevelAndRejectsBadInput()
    {
        await using var server = await SyncTestServer.StartAsync(shop: new() { AutoCreateUnknownCustomers = false, AutoCreateUnknownItems = true });
        await server.RunAsync(SyncReportIds.SyncOrders, new Dictionary<string, string> { ["Order No."] = "1001..1010" });

        await server.Channel.SetThresholdsAsync(new SetCueThresholdsRequest { Cue = Cue.UnprocessedOrders, WarningFrom = 1, AlertFrom = 100 });
        var byDefault = Assert.Single((await server.Channel.GetStatusAsync(SyncTestServer.ShopCode)).Shops);
        await server.Channel.SetThresholdsAsync(new SetCueThresholdsRequest { Cue = Cue.UnprocessedOrders, ShopCode = SyncTestServer.ShopCode, WarningFrom = 0, AlertFrom = 0 });
        var byShop = Assert.Single((await server.Channel.GetStatusAsync(SyncTestServer.ShopCode)).Shops);
        var inverted = await Assert.ThrowsAsync<RpcException>(() => server.Channel.SetThresholdsAsync(
            new SetCueThresholdsRequest { Cue = Cue.UnprocessedOrders, WarningFrom = 5, AlertFrom = 2 }));
        var unknownShop = await Assert.ThrowsAsync<RpcException>(() => server.Channel.SetThresholdsAsync(
            new SetCueThresholdsRequest { Cue = Cue.ApiErrors, ShopCode = "NOPE", WarningFrom = 1 }));
        var noCue = await Assert.ThrowsAsync<RpcException>(() => server.Channel.SetThresholdsAsync(new SetCueThresholdsRequest { WarningFrom = 1 }));
        var missingShop = await Assert.ThrowsAsync<RpcException>(() => server.Channel.GetStatusAsync("NOPE"));

        Assert.Equal(10, byDefault.Cue(Cue.UnprocessedOrders).Count);
        Assert.Equal(CueLevel.Warning, byDefault.Cue(Cue.UnprocessedOrders).Level);
        Assert.Equal(CueLevel.Ok, byShop.Cue(Cue.UnprocessedOrders).Level);
        Assert.Equal(StatusCode.InvalidArgument, inverted.StatusCode);
        Assert.Contains("alert_from", inverted.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, unknownShop.StatusCode);
        Assert.Contains("shop_code", unknownShop.Message, StringComparison.Ordinal);
        Assert.Contains("cue", noCue.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.NotFound, missingShop.StatusCode);
    }
}
