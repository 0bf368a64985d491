using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;
using ShopSync.Connector.Erp;

namespace ShopSync.Connector.Sync;

/// <summary>296 Batch Post Sales Orders (ship and invoice the sales orders created from Shopify).</summary>
internal sealed class BatchPostSalesOrdersHandler(SyncSessionFactory sessions) : BatchPostingHandler(sessions, ErpSalesDocumentType.Order)
{
    public static readonly RequestPageDefinition Page = PageFor(SyncReportIds.BatchPostSalesOrders, "Batch Post Sales Orders");

    public override ReportDefinition Definition { get; } = new()
    {
        RequiresShop = true,
        ReportId = SyncReportIds.BatchPostSalesOrders,
        Name = "Batch Post Sales Orders",
        Aliases = ["post-orders"],
        Description = "Ships and invoices the open sales orders created from Shopify orders.",
    };

    protected override RequestPageDefinition RequestPage => Page;
}
