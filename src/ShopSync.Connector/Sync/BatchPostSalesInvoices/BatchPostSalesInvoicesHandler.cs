using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;
using ShopSync.Connector.Erp;

namespace ShopSync.Connector.Sync;

/// <summary>297 Batch Post Sales Invoices (post the sales invoices created from fulfilled Shopify orders).</summary>
internal sealed class BatchPostSalesInvoicesHandler(SyncSessionFactory sessions) : BatchPostingHandler(sessions, ErpSalesDocumentType.Invoice)
{
    public static readonly RequestPageDefinition Page = PageFor(SyncReportIds.BatchPostSalesInvoices, "Batch Post Sales Invoices");

    public override ReportDefinition Definition { get; } = new()
    {
        RequiresShop = true,
        ReportId = SyncReportIds.BatchPostSalesInvoices,
        Name = "Batch Post Sales Invoices",
        Aliases = ["post-invoices"],
        Description = "Posts the open sales invoices created from Shopify orders.",
    };

    protected override RequestPageDefinition RequestPage => Page;
}
