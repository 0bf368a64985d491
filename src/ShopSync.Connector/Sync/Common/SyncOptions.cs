namespace ShopSync.Connector.Sync;

/// <summary>Configuration section <c>Sync</c>: page sizes of the sync tasks (0 = the client's default, which stays under Shopify's 1,000-point query limit).</summary>
public sealed class SyncOptions
{
    public const string SectionName = "Sync";

    /// <summary>Orders per page for Sync Orders (1..250; 0 = 10).</summary>
    public int OrdersPageSize { get; set; }

    /// <summary>Imported orders turned into sales documents per database transaction.</summary>
    public int CreateSalesOrdersBatchSize { get; set; } = 100;
}
