using Microsoft.EntityFrameworkCore;
using ShopSync.Contracts.V1;
using ShopSync.Shopify.Erp;
using ShopSync.Shopify.Sync;
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
}
