namespace ShopSync.Connector.Sync;

/// <summary>The report (task) ids of the Shopify sync tasks, as in the ERP.</summary>
public static class SyncReportIds
{
    public const int SyncCustomers = 30100;
    public const int SyncInventory = 30102;
    public const int CreateSalesOrders = 30103;
    public const int SyncOrders = 30104;
    public const int SyncPayments = 30105;
    public const int SyncImages = 30107;
    public const int SyncProducts = 30108;
    public const int SyncShipments = 30109;
    public const int SyncCompanies = 30114;
    public const int SyncCatalogs = 30115;
    public const int SyncCatalogPrices = 30116;
    public const int SyncDisputes = 30120;
    public const int BatchPostSalesOrders = 296;
    public const int BatchPostSalesInvoices = 297;
}
