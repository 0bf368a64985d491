using Microsoft.EntityFrameworkCore;

namespace ShopSync.Connector.Erp;

/// <summary>Tables and indexes of the ERP book. Unique indexes make a second document per Shopify order impossible.</summary>
internal static class ErpModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<ErpCustomerEntity>(e =>
        {
            e.ToTable("erp_customers");
            e.HasKey(c => c.No);
            e.Property(c => c.No).HasMaxLength(20);
            e.Property(c => c.Name).HasMaxLength(100);
            e.HasIndex(c => c.NormalizedEmail);
            e.HasIndex(c => c.NormalizedPhone);
        });
        model.Entity<ErpItemEntity>(e =>
        {
            e.ToTable("erp_items");
            e.HasKey(i => i.No);
            e.Property(i => i.No).HasMaxLength(20);
            e.HasIndex(i => i.Sku);
            e.HasIndex(i => i.UpdatedAt);
        });
        model.Entity<ErpItemVariantEntity>(e =>
        {
            e.ToTable("erp_item_variants");
            e.HasKey(v => new { v.ItemNo, v.Code });
            e.HasIndex(v => v.Sku);
        });
        model.Entity<ErpItemPriceEntity>(e =>
        {
            e.ToTable("erp_item_prices");
            e.HasKey(p => new { p.PriceGroup, p.ItemNo, p.VariantCode });
        });
        model.Entity<ErpStockEntity>(e =>
        {
            e.ToTable("erp_stock");
            e.HasKey(s => new { s.ItemNo, s.VariantCode, s.LocationCode });
        });
        model.Entity<ErpItemPictureEntity>(e =>
        {
            e.ToTable("erp_item_pictures");
            e.HasIndex(p => new { p.ItemNo, p.Url }).IsUnique();
        });
        model.Entity<ErpSalesDocumentEntity>(e =>
        {
            e.ToTable("erp_sales_documents");
            e.HasIndex(d => d.No).IsUnique();
            e.HasIndex(d => new { d.ShopCode, d.ShopifyOrderId }).IsUnique();
            e.HasIndex(d => new { d.ShopCode, d.ShopifyOrderNo });
            e.HasIndex(d => new { d.ShopCode, d.DocumentType, d.Status });
            e.HasMany(d => d.Lines).WithOne().HasForeignKey(l => l.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ErpSalesLineEntity>(e =>
        {
            e.ToTable("erp_sales_lines");
            e.HasKey(l => new { l.DocumentId, l.LineNo });
        });
        model.Entity<ErpPostedShipmentEntity>(e =>
        {
            e.ToTable("erp_posted_shipments");
            e.HasIndex(s => s.No).IsUnique();
            e.HasIndex(s => new { s.ShopCode, s.FulfillmentState });
            e.HasIndex(s => new { s.ShopCode, s.ShopifyOrderNo });
            e.HasIndex(s => s.SalesOrderNo);
            e.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.ShipmentId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ErpPostedShipmentLineEntity>(e =>
        {
            e.ToTable("erp_posted_shipment_lines");
            e.HasKey(l => new { l.ShipmentId, l.LineNo });
        });
        model.Entity<ErpPostedInvoiceEntity>(e =>
        {
            e.ToTable("erp_posted_invoices");
            e.HasIndex(i => i.No).IsUnique();
            e.HasIndex(i => i.SourceDocumentNo).IsUnique();
            e.HasIndex(i => new { i.ShopCode, i.ShopifyOrderNo });
        });
        model.Entity<ErpPaymentEntity>(e =>
        {
            e.ToTable("erp_payments");
            e.HasIndex(p => new { p.ShopCode, p.ShopifyTransactionId }).IsUnique();
            e.HasIndex(p => new { p.ShopCode, p.ShopifyOrderId });
        });
        model.Entity<ErpNumberSeriesEntity>(e =>
        {
            e.ToTable("erp_number_series");
            e.HasKey(s => s.Code);
        });
    }
}
