using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Shops;
using ShopSync.Connector.Status;
using ShopSync.Connector.Sync;
using ShopSync.Queue.Entries;
using ShopSync.Shopify.Sandbox;

namespace ShopSync.Connector.Tests.Sync.Tasks;

/// <summary>Sync Shipments in process against the sandbox: happy path, refusals, a fault and resume, idempotency.</summary>
public sealed class ShipmentTaskTests
{
    [Fact]
    public async Task SyncShipments_PostedShipments_BecomeFulfillmentsWithTrackingAndOthersAreSkipped()
    {
        await using var harness = await SyncTaskHarness.CreateAsync(shop: new()
        {
            AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = true, CreateInvoicesForFulfilledOrders = false,
        });
        await harness.RunAsync(SyncReportIds.SyncOrders, new Dictionary<string, string> { ["Order No."] = "1001..1021", ["Fulfillment Status"] = "Unfulfilled|Fulfilled" });
        await harness.RunAsync(SyncReportIds.CreateSalesOrders);
        ErpSalesDocumentEntity unfulfilled, fulfilled;
        await using (var db = harness.OpenDb())
        {
            var orders = await db.SyncOrders.Where(o => o.Status == SyncOrderStatus.Processed).ToListAsync();
            var unfulfilledId = orders.First(o => o.FulfillmentStatus == "Unfulfilled").ShopifyOrderId;
            var fulfilledId = orders.First(o => o.FulfillmentStatus == "Fulfilled").ShopifyOrderId;
            unfulfilled = await db.ErpSalesDocuments.SingleAsync(d => d.ShopifyOrderId == unfulfilledId);
            fulfilled = await db.ErpSalesDocuments.SingleAsync(d => d.ShopifyOrderId == fulfilledId);
        }

        var posted = await harness.Book().PostShipmentAsync(new ErpShipmentInput(unfulfilled.No, "TRK-1", "UPS", null), CancellationToken.None);
        var post = await harness.RunAsync(SyncReportIds.BatchPostSalesOrders, new Dictionary<string, string> { ["Shopify Order No."] = fulfilled.ShopifyOrderNo! });
        Assert.Equal(1, post.Progress.Counters.Done);
        await using (var db = harness.OpenDb())
        {
            db.ErpPostedShipments.Add(new ErpPostedShipmentEntity
            {
                No = "SHP-NOITEMS", SalesOrderNo = unfulfilled.No, ShopCode = SyncTaskHarness.ShopCode, ShopifyOrderId = unfulfilled.ShopifyOrderId,
                ShopifyOrderNo = unfulfilled.ShopifyOrderNo, CustomerNo = unfulfilled.CustomerNo, FulfillmentState = ErpFulfillmentState.Pending,
            });
            await db.SaveChangesAsync();
        }

        var run = await harness.RunAsync(SyncReportIds.SyncShipments);

        Assert.Equal(JobResult.SucceededWithWarnings, run.Outcome?.Result);
        Assert.Equal((1L, 2L), (run.Progress.Counters.Done, run.Progress.Counters.Skipped));
        var fulfillment = Assert.Single(harness.Store.Fulfillments);
        Assert.Equal((unfulfilled.ShopifyOrderId, "TRK-1", "UPS"), (fulfillment.OrderId, fulfillment.TrackingNumber, fulfillment.TrackingCompany));
        await using (var db = harness.OpenDb())
        {
            var shipments = await db.ErpPostedShipments.ToDictionaryAsync(s => s.No);
            Assert.Equal(ErpFulfillmentState.Sent, shipments[posted.No].FulfillmentState);
            Assert.NotNull(shipments[posted.No].ShopifyFulfillmentId);
            Assert.Equal(ErpFulfillmentState.Skipped, shipments["SHP-NOITEMS"].FulfillmentState);
            Assert.Contains("nothing is left to fulfil", shipments.Values.Single(s => s.ShopifyOrderId == fulfilled.ShopifyOrderId).FulfillmentError, StringComparison.Ordinal);
        }

        var again = await harness.RunAsync(SyncReportIds.SyncShipments);

        Assert.True(again.Succeeded, again.ToString());
        Assert.Single(harness.Store.Fulfillments);
    }

    [Fact]
    public async Task SyncShipments_ReadOnlyShop_KeepsShipmentPendingWithReasonAndSendsItLater()
    {
        await using var harness = await WithOrdersAsync();
        var orders = await ShippableOrdersAsync(harness, 1);
        var shipment = await harness.Book().PostShipmentAsync(new ErpShipmentInput(orders[0].No, "TRK-9", "DHL", null), CancellationToken.None);
        await harness.UpdateShopAsync(new ShopChanges { AllowOutgoingRequests = false });

        var readOnly = await harness.RunAsync(SyncReportIds.SyncShipments);

        Assert.Equal(JobResult.SucceededWithWarnings, readOnly.Outcome?.Result);
        Assert.Equal(1, readOnly.Progress.Counters.Skipped);
        Assert.Empty(harness.Store.Fulfillments);
        await using (var db = harness.OpenDb())
        {
            var row = await db.ErpPostedShipments.SingleAsync(s => s.No == shipment.No);
            Assert.Equal(ErpFulfillmentState.Pending, row.FulfillmentState);
            Assert.Contains("read-only", row.FulfillmentError, StringComparison.Ordinal);
        }

        await harness.UpdateShopAsync(new ShopChanges { AllowOutgoingRequests = true });
        var sent = await harness.RunAsync(SyncReportIds.SyncShipments);

        Assert.Equal(1, sent.Progress.Counters.Done);
        Assert.Equal("TRK-9", Assert.Single(harness.Store.Fulfillments).TrackingNumber);
    }

    [Fact]
    public async Task SyncShipments_ShopifyRefusesTwoShipments_MarksThemErrorWithTheStoresMessageAndSendsThemOnceLifted()
    {
        await using var harness = await WithOrdersAsync();
        var orders = await ShippableOrdersAsync(harness, 3);
        var shipments = new List<ErpDocumentView>();
        foreach (var order in orders)
        {
            shipments.Add(await harness.Book().PostShipmentAsync(new ErpShipmentInput(order.No, "TRK-" + order.ShopifyOrderNo, "UPS", null), CancellationToken.None));
        }

        var (sent, held, refused) = (shipments[0], shipments[1], shipments[2]);
        var heldFulfillmentOrder = Assert.Single(harness.Store.GetFulfillmentOrderStatuses(orders[1].ShopifyOrderId!)).Key;
        Assert.True(harness.Store.HoldFulfillmentOrders(orders[1].ShopifyOrderId!));
        harness.Store.RefuseFulfillments(orders[2].ShopifyOrderId!, "The order has been cancelled in Shopify.");

        var run = await harness.RunAsync(SyncReportIds.SyncShipments);

        Assert.Equal(JobResult.SucceededWithWarnings, run.Outcome?.Result);
        Assert.Equal((1L, 2L, 0L), (run.Progress.Counters.Done, run.Progress.Counters.Failed, run.Progress.Counters.Skipped));
        Assert.Contains("2 record(s) failed", run.Outcome!.Message, StringComparison.Ordinal);
        Assert.Equal(orders[0].ShopifyOrderId, Assert.Single(harness.Store.Fulfillments).OrderId);
        var heldMessage = $"Fulfillment order {heldFulfillmentOrder[(heldFulfillmentOrder.LastIndexOf('/') + 1)..]} has an unfulfillable status= on_hold.";
        await using (var db = harness.OpenDb())
        {
            var rows = await db.ErpPostedShipments.ToDictionaryAsync(s => s.No);
            Assert.Equal(ErpFulfillmentState.Sent, rows[sent.No].FulfillmentState);
            Assert.Equal((ErpFulfillmentState.Error, heldMessage), (rows[held.No].FulfillmentState, rows[held.No].FulfillmentError));
            Assert.Equal((ErpFulfillmentState.Error, "The order has been cancelled in Shopify."), (rows[refused.No].FulfillmentState, rows[refused.No].FulfillmentError));
        }

        Assert.Equal(2, await harness.CueAsync(StatusCue.ShipmentErrors));
        Assert.True(harness.Store.ReleaseFulfillmentOrders(orders[1].ShopifyOrderId!));
        var afterRelease = await harness.RunAsync(SyncReportIds.SyncShipments);
        Assert.True(harness.Store.LiftFulfillmentRefusal(orders[2].ShopifyOrderId!));
        var afterLift = await harness.RunAsync(SyncReportIds.SyncShipments);
        var again = await harness.RunAsync(SyncReportIds.SyncShipments);

        Assert.Equal((1L, 1L), (afterRelease.Progress.Counters.Done, afterRelease.Progress.Counters.Failed));
        Assert.Equal((1L, 0L), (afterLift.Progress.Counters.Done, afterLift.Progress.Counters.Failed));
        Assert.True(again.Succeeded, again.ToString());
        Assert.Equal(0, again.Progress.Counters.Done);
        Assert.Equal(orders.Select(o => o.ShopifyOrderId), harness.Store.Fulfillments.Select(f => f.OrderId));
        Assert.Equal(0, await harness.CueAsync(StatusCue.ShipmentErrors));
    }

    [Fact]
    public async Task SyncShipments_StoreUnavailable_NextAttemptSendsEachShipmentOnce()
    {
        await using var harness = await WithOrdersAsync();
        foreach (var order in await ShippableOrdersAsync(harness, 2))
        {
            await harness.Book().PostShipmentAsync(new ErpShipmentInput(order.No, "TRK-" + order.ShopifyOrderNo, "UPS", null), CancellationToken.None);
        }

        harness.Store.InjectFaults(new SandboxFault(SandboxFaultKind.ServiceUnavailable));

        var failed = await harness.RunAsync(SyncReportIds.SyncShipments);
        var resumed = await harness.RunAsync(SyncReportIds.SyncShipments, checkpoint: failed.Progress.Checkpoint, attempt: 2);
        var again = await harness.RunAsync(SyncReportIds.SyncShipments);

        Assert.False(failed.Succeeded);
        Assert.True(resumed.Succeeded, resumed.ToString());
        Assert.Equal(0, again.Progress.Counters.Done);
        Assert.Equal(2, harness.Store.Fulfillments.Count);
        Assert.Equal(2, harness.Store.Fulfillments.Select(f => f.OrderId).Distinct().Count());
    }

    [Fact]
    public async Task SyncShipments_ShopifyOrderNoFilter_SendsOnlyThatOrdersShipment()
    {
        await using var harness = await WithOrdersAsync();
        var orders = await ShippableOrdersAsync(harness, 2);
        foreach (var order in orders)
        {
            await harness.Book().PostShipmentAsync(new ErpShipmentInput(order.No, null, null, null), CancellationToken.None);
        }

        var run = await harness.RunAsync(SyncReportIds.SyncShipments, new Dictionary<string, string> { ["Shopify Order No."] = orders[1].ShopifyOrderNo! });

        Assert.True(run.Succeeded, run.ToString());
        Assert.Equal(orders[1].ShopifyOrderId, Assert.Single(harness.Store.Fulfillments).OrderId);
        Assert.Equal(1, await harness.CueAsync(StatusCue.UnprocessedShipments));
    }

    private static async Task<SyncTaskHarness> WithOrdersAsync()
    {
        var harness = await SyncTaskHarness.CreateAsync(shop: new() { AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = true });
        await harness.RunAsync(SyncReportIds.SyncOrders, new Dictionary<string, string> { ["Order No."] = "1001..1021", ["Fulfillment Status"] = "Unfulfilled" });
        await harness.RunAsync(SyncReportIds.CreateSalesOrders);
        return harness;
    }

    /// <summary>Sales orders with something to ship (a refunded order's lines have quantity 0, and its shipment is skipped).</summary>
    private static async Task<List<ErpSalesDocumentEntity>> ShippableOrdersAsync(SyncTaskHarness harness, int count)
    {
        await using var db = harness.OpenDb();
        var orders = (await db.ErpSalesDocuments.Include(d => d.Lines).Where(d => d.DocumentType == ErpSalesDocumentType.Order).OrderBy(d => d.Id).ToListAsync())
            .Where(d => d.Lines.Any(l => l.LineType == ErpSalesLineType.Item && l.ShopifyLineItemId != null && l.Quantity > 0)).Take(count).ToList();
        Assert.Equal(count, orders.Count);
        return orders;
    }
}
