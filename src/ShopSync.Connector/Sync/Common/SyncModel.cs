using Microsoft.EntityFrameworkCore;

namespace ShopSync.Connector.Sync;

/// <summary>
/// Import staging, mapping tables, watermarks and the API call log. Unique indexes on (shop, Shopify id) make every
/// import idempotent; status/mapping columns are indexed so each status cue is one index range count.
/// </summary>
internal static class SyncModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<SyncOrderEntity>(e =>
        {
            e.ToTable("sync_orders");
            e.HasIndex(o => new { o.ShopCode, o.ShopifyOrderId }).IsUnique();
            e.HasIndex(o => new { o.ShopCode, o.Status, o.Id });
            e.HasIndex(o => new { o.ShopCode, o.HasUnprocessedUpdate });
            e.HasIndex(o => new { o.ShopCode, o.OrderNo });
            e.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<SyncOrderLineEntity>(e =>
        {
            e.ToTable("sync_order_lines");
            e.HasKey(l => new { l.OrderId, l.LineNo });
        });
        model.Entity<SyncCustomerEntity>(e =>
        {
            e.ToTable("sync_customers");
            e.HasIndex(c => new { c.ShopCode, c.ShopifyCustomerId }).IsUnique();
            e.HasIndex(c => new { c.ShopCode, c.CustomerNo });
        });
        model.Entity<SyncCompanyEntity>(e =>
        {
            e.ToTable("sync_companies");
            e.HasIndex(c => new { c.ShopCode, c.ShopifyCompanyId }).IsUnique();
            e.HasIndex(c => new { c.ShopCode, c.CustomerNo });
        });
        model.Entity<SyncProductEntity>(e =>
        {
            e.ToTable("sync_products");
            e.HasIndex(p => new { p.ShopCode, p.ShopifyProductId }).IsUnique();
            e.HasIndex(p => new { p.ShopCode, p.ItemNo });
        });
        model.Entity<SyncVariantEntity>(e =>
        {
            e.ToTable("sync_variants");
            e.HasIndex(v => new { v.ShopCode, v.ShopifyVariantId }).IsUnique();
            e.HasIndex(v => new { v.ShopCode, v.ItemNo, v.VariantCode });
            e.HasIndex(v => new { v.ShopCode, v.Sku });
        });
        model.Entity<SyncLocationEntity>(e =>
        {
            e.ToTable("sync_locations");
            e.HasKey(l => new { l.ShopCode, l.ShopifyLocationId });
        });
        model.Entity<SyncWatermarkEntity>(e =>
        {
            e.ToTable("sync_watermarks");
            e.HasKey(w => new { w.ShopCode, w.Name });
        });
        model.Entity<SyncRecordIssueEntity>(e =>
        {
            e.ToTable("sync_record_issues");
            e.HasIndex(i => new { i.ShopCode, i.ReportId, i.RecordKey }).IsUnique();
            e.HasIndex(i => new { i.ShopCode, i.Kind });
        });
        model.Entity<ShopifyApiCallEntity>(e =>
        {
            e.ToTable("shopify_api_calls");
            e.HasIndex(c => new { c.ShopCode, c.Failed, c.StartedAt });
            e.HasIndex(c => c.StartedAt);
        });
        model.Entity<SyncPayoutEntity>(e =>
        {
            e.ToTable("sync_payouts");
            e.HasIndex(p => new { p.ShopCode, p.ShopifyPayoutId }).IsUnique();
        });
        model.Entity<SyncDisputeEntity>(e =>
        {
            e.ToTable("sync_disputes");
            e.HasIndex(d => new { d.ShopCode, d.ShopifyDisputeId }).IsUnique();
            e.HasIndex(d => new { d.ShopCode, d.Status });
        });
        model.Entity<SyncCatalogEntity>(e =>
        {
            e.ToTable("sync_catalogs");
            e.HasIndex(c => new { c.ShopCode, c.ShopifyCatalogId }).IsUnique();
        });
    }
}
