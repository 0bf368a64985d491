using Microsoft.EntityFrameworkCore;
using ShopSync.Contracts.V1;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Sync;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace ShopSync.Server.Tests.Sync;

/// <summary>
/// Batch posting through the real server, then the posted documents listed over the ErpBook service (wiring). Sync
/// Shipments and the posting tasks' own behaviour are tested in process (ShopSync.Connector.Tests).
/// </summary>
public sealed class BatchPostListingTests
{
    private static readonly ServiceDescriptor ErpBookService = ErpBookReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ErpBookService");

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
