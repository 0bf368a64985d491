using Microsoft.EntityFrameworkCore;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Status;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Sync;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace ShopSync.Server.Tests.Sync;

public sealed class SyncShipmentsTests
{
    private static readonly ServiceDescriptor ErpBookService = ErpBookReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ErpBookService");

    [Fact]
    public async Task SyncShipments_PostedShipments_BecomeFulfillmentsWithTrackingAndOthersAreSkipped()
    {
        await using var server = await SyncTestServer.StartAsync(shop: new()
        {
            AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = true, CreateInvoicesForFulfilledOrders = false,
        });
        await server.RunAsync(SyncReportIds.SyncOrders, new Dictionary<string, string> { ["Order No."] = "1001..1021", ["Fulfillment Status"] = "Unfulfilled|Fulfilled" });
        await server.RunAsync(SyncReportIds.CreateSalesOrders);
        ErpSalesDocumentEntity unfulfilled, fulfilled;
        await using (var db = server.OpenDb())
        {
            var orders = await db.SyncOrders.Where(o => o.Status == SyncOrderStatus.Processed).ToListAsync();
            var unfulfilledId = orders.First(o => o.FulfillmentStatus == "Unfulfilled").ShopifyOrderId;
            var fulfilledId = orders.First(o => o.FulfillmentStatus == "Fulfilled").ShopifyOrderId;
            unfulfilled = await db.ErpSalesDocuments.SingleAsync(d => d.ShopifyOrderId == unfulfilledId);
            fulfilled = await db.ErpSalesDocuments.SingleAsync(d => d.ShopifyOrderId == fulfilledId);
        }
        var posted = await server.Channel.UnaryAsync<PostShipmentRequest, PostShipmentResponse>(
            ErpBookService.FindMethodByName("PostShipment"),
            new PostShipmentRequest { SalesOrderNo = unfulfilled.No, TrackingNumber = "TRK-1", TrackingCompany = "UPS" });
        Assert.Equal(FulfillmentState.Pending, posted.Shipment.FulfillmentState);
        var post = await server.RunAsync(SyncReportIds.BatchPostSalesOrders, new Dictionary<string, string> { ["Shopify Order No."] = fulfilled.ShopifyOrderNo! });
        Assert.Equal(1, post.Counters.Done);
        await using (var db = server.OpenDb())
        {
            db.ErpPostedShipments.Add(new ErpPostedShipmentEntity
            {
                No = "SHP-NOITEMS", SalesOrderNo = unfulfilled.No, ShopCode = SyncTestServer.ShopCode, ShopifyOrderId = unfulfilled.ShopifyOrderId,
                ShopifyOrderNo = unfulfilled.ShopifyOrderNo, CustomerNo = unfulfilled.CustomerNo, FulfillmentState = ErpFulfillmentState.Pending,
            });
            await db.SaveChangesAsync();
        }

        var run = await server.RunAsync(SyncReportIds.SyncShipments);

        Assert.Equal(JobResult.SucceededWithWarnings, run.Result);
        Assert.Equal(1, run.Counters.Done);
        Assert.Equal(2, run.Counters.Skipped);
        var fulfillment = Assert.Single(server.Store.Fulfillments);
        Assert.Equal(unfulfilled.ShopifyOrderId, fulfillment.OrderId);
        Assert.Equal("TRK-1", fulfillment.TrackingNumber);
        Assert.Equal("UPS", fulfillment.TrackingCompany);
        await using (var db = server.OpenDb())
        {
            var shipments = await db.ErpPostedShipments.ToDictionaryAsync(s => s.No);
            Assert.Equal(ErpFulfillmentState.Sent, shipments[posted.Shipment.No].FulfillmentState);
            Assert.NotNull(shipments[posted.Shipment.No].ShopifyFulfillmentId);
            Assert.Equal(ErpFulfillmentState.Skipped, shipments["SHP-NOITEMS"].FulfillmentState);
            Assert.Contains("nothing is left to fulfil", shipments.Values.Single(s => s.ShopifyOrderId == fulfilled.ShopifyOrderId).FulfillmentError, StringComparison.Ordinal);
            Assert.Equal(1, await db.ErpPostedInvoices.CountAsync());
        }

        var again = await server.RunAsync(SyncReportIds.SyncShipments);

        Assert.Equal(JobResult.Succeeded, again.Result);
        Assert.Single(server.Store.Fulfillments);
    }

    [Fact]
    public async Task BatchPost_OrdersAndInvoices_PostEachDocumentOnceAndListsThemByShopifyOrderNo()
    {
        await using var server = await SyncTestServer.StartAsync(shop: new() { AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = true });
        await server.RunAsync(SyncReportIds.SyncOrders, new Dictionary<string, string> { ["Order No."] = "1001..1030" });
        await server.RunAsync(SyncReportIds.CreateSalesOrders);
        int orders, invoices;
        await using (var db = server.OpenDb())
        {
            orders = await db.ErpSalesDocuments.CountAsync(d => d.DocumentType == ErpSalesDocumentType.Order);
            invoices = await db.ErpSalesDocuments.CountAsync(d => d.DocumentType == ErpSalesDocumentType.Invoice);
        }

        var postOrders = await server.RunAsync(SyncReportIds.BatchPostSalesOrders, options: new Dictionary<string, string> { ["Posting Date"] = "2025-03-01" });
        var postInvoices = await server.RunAsync(SyncReportIds.BatchPostSalesInvoices);
        var again = await server.RunAsync(SyncReportIds.BatchPostSalesOrders);

        Assert.Equal(orders, postOrders.Counters.Done);
        Assert.Equal(invoices, postInvoices.Counters.Done);
        Assert.Equal(0, again.Counters.Done);
        await using (var db = server.OpenDb())
        {
            Assert.Equal(orders + invoices, await db.ErpPostedInvoices.CountAsync());
            Assert.Equal(0, await db.ErpSalesDocuments.CountAsync(d => d.Status == ErpSalesDocumentStatus.Open));
            Assert.All(await db.ErpPostedShipments.ToListAsync(), s => Assert.Equal(new DateOnly(2025, 3, 1), s.PostingDate));
        }
        var listed = await server.Channel.UnaryAsync<ListErpDocumentsRequest, ListErpDocumentsResponse>(
            ErpBookService.FindMethodByName("ListErpDocuments"),
            new ListErpDocumentsRequest { ShopCode = SyncTestServer.ShopCode, ShopifyOrderNo = "1002", DocumentType = ErpDocumentType.PostedInvoice });
        var invoice = Assert.Single(listed.Documents);
        Assert.Equal("1002", invoice.ShopifyOrderNo);
    }

    [Fact]
    public async Task SyncShipments_ReadOnlyShop_KeepsShipmentPendingWithReasonAndSendsItLater()
    {
        await using var server = await SyncTestServer.StartAsync(shop: new() { AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = true });
        await server.RunAsync(SyncReportIds.SyncOrders, new Dictionary<string, string> { ["Order No."] = "1001..1021", ["Fulfillment Status"] = "Unfulfilled" });
        await server.RunAsync(SyncReportIds.CreateSalesOrders);
        string orderNo;
        await using (var db = server.OpenDb())
        {
            orderNo = (await db.ErpSalesDocuments.FirstAsync(d => d.DocumentType == ErpSalesDocumentType.Order)).No;
        }
        var shipment = await server.Book().PostShipmentAsync(new ErpShipmentInput(orderNo, "TRK-9", "DHL", null), CancellationToken.None);
        await server.UpdateShopAsync(new ShopSync.Connector.Shops.ShopChanges { AllowOutgoingRequests = false });

        var readOnly = await server.RunAsync(SyncReportIds.SyncShipments);

        Assert.Equal(JobResult.SucceededWithWarnings, readOnly.Result);
        Assert.Equal(1, readOnly.Counters.Skipped);
        Assert.Empty(server.Store.Fulfillments);
        await using (var db = server.OpenDb())
        {
            var row = await db.ErpPostedShipments.SingleAsync(s => s.No == shipment.No);
            Assert.Equal(ErpFulfillmentState.Pending, row.FulfillmentState);
            Assert.Contains("read-only", row.FulfillmentError, StringComparison.Ordinal);
        }
        await server.UpdateShopAsync(new ShopSync.Connector.Shops.ShopChanges { AllowOutgoingRequests = true });

        var sent = await server.RunAsync(SyncReportIds.SyncShipments);

        Assert.Equal(1, sent.Counters.Done);
        Assert.Equal("TRK-9", Assert.Single(server.Store.Fulfillments).TrackingNumber);
    }

    [Fact]
    public async Task SyncShipments_ShopifyRefusesTwoShipments_MarksThemErrorWithTheStoresMessageAndSendsThemOnceLifted()
    {
        await using var server = await SyncTestServer.StartAsync(shop: new() { AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = true });
        await server.RunAsync(SyncReportIds.SyncOrders, new Dictionary<string, string> { ["Order No."] = "1001..1021", ["Fulfillment Status"] = "Unfulfilled" });
        await server.RunAsync(SyncReportIds.CreateSalesOrders);
        List<ErpSalesDocumentEntity> orders;
        await using (var db = server.OpenDb())
        {
            // Orders with something to ship (a refunded order's lines have quantity 0, and its shipment is skipped).
            orders = (await db.ErpSalesDocuments.Include(d => d.Lines).Where(d => d.DocumentType == ErpSalesDocumentType.Order).OrderBy(d => d.Id).ToListAsync())
                .Where(d => d.Lines.Any(l => l.LineType == ErpSalesLineType.Item && l.ShopifyLineItemId != null && l.Quantity > 0)).Take(3).ToList();
        }
        Assert.Equal(3, orders.Count);
        var shipments = new List<ErpDocumentView>();
        foreach (var order in orders)
        {
            shipments.Add(await server.Book().PostShipmentAsync(new ErpShipmentInput(order.No, "TRK-" + order.ShopifyOrderNo, "UPS", null), CancellationToken.None));
        }
        var (sent, held, refused) = (shipments[0], shipments[1], shipments[2]);
        var heldFulfillmentOrder = Assert.Single(server.Store.GetFulfillmentOrderStatuses(orders[1].ShopifyOrderId!)).Key;
        Assert.True(server.Store.HoldFulfillmentOrders(orders[1].ShopifyOrderId!));
        server.Store.RefuseFulfillments(orders[2].ShopifyOrderId!, "The order has been cancelled in Shopify.");

        var run = await server.RunAsync(SyncReportIds.SyncShipments);

        Assert.Equal(JobResult.SucceededWithWarnings, run.Result);
        Assert.Equal((1, 2, 0), (run.Counters.Done, run.Counters.Failed, run.Counters.Skipped));
        Assert.Contains("2 record(s) failed", run.Completed.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(orders[0].ShopifyOrderId, Assert.Single(server.Store.Fulfillments).OrderId);
        var heldMessage = $"Fulfillment order {heldFulfillmentOrder[(heldFulfillmentOrder.LastIndexOf('/') + 1)..]} has an unfulfillable status= on_hold.";
        await using (var db = server.OpenDb())
        {
            var rows = await db.ErpPostedShipments.ToDictionaryAsync(s => s.No);
            Assert.Equal(ErpFulfillmentState.Sent, rows[sent.No].FulfillmentState);
            Assert.Equal((ErpFulfillmentState.Error, heldMessage), (rows[held.No].FulfillmentState, rows[held.No].FulfillmentError));
            Assert.Equal((ErpFulfillmentState.Error, "The order has been cancelled in Shopify."), (rows[refused.No].FulfillmentState, rows[refused.No].FulfillmentError));
            Assert.All([rows[held.No], rows[refused.No]], r => Assert.Null(r.ShopifyFulfillmentId));
        }
        var status = Assert.Single((await server.Channel.GetStatusAsync(SyncTestServer.ShopCode)).Shops);
        Assert.Equal(2, status.Cue(Cue.ShipmentErrors).Count);
        Assert.Equal(0, status.Cue(Cue.UnprocessedShipments).Count);
        var records = await server.Channel.AllRecordsAsync(SyncTestServer.ShopCode, Cue.ShipmentErrors, pageSize: 10);
        Assert.Equal(heldMessage, records.Single(r => r.Key == held.No).Reason);
        Assert.Equal("The order has been cancelled in Shopify.", records.Single(r => r.Key == refused.No).Reason);

        Assert.True(server.Store.ReleaseFulfillmentOrders(orders[1].ShopifyOrderId!));
        var afterRelease = await server.RunAsync(SyncReportIds.SyncShipments);
        Assert.True(server.Store.LiftFulfillmentRefusal(orders[2].ShopifyOrderId!));
        var afterLift = await server.RunAsync(SyncReportIds.SyncShipments);
        var again = await server.RunAsync(SyncReportIds.SyncShipments);

        Assert.Equal((JobResult.SucceededWithWarnings, 1, 1), (afterRelease.Result, afterRelease.Counters.Done, afterRelease.Counters.Failed));
        Assert.Equal((JobResult.Succeeded, 1, 0), (afterLift.Result, afterLift.Counters.Done, afterLift.Counters.Failed));
        Assert.Equal((JobResult.Succeeded, 0), (again.Result, again.Counters.Done));
        Assert.Equal(orders.Select(o => o.ShopifyOrderId), server.Store.Fulfillments.Select(f => f.OrderId));
        Assert.Equal("TRK-" + orders[1].ShopifyOrderNo, server.Store.Fulfillments[1].TrackingNumber);
        await using (var db = server.OpenDb())
        {
            Assert.All(await db.ErpPostedShipments.ToListAsync(), s => Assert.Equal((ErpFulfillmentState.Sent, null), (s.FulfillmentState, s.FulfillmentError)));
        }
        Assert.Equal(0, Assert.Single((await server.Channel.GetStatusAsync(SyncTestServer.ShopCode)).Shops).Cue(Cue.ShipmentErrors).Count);
    }
}
