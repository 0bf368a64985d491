using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Status;
using ShopSync.Connector.Sync;

namespace ShopSync.Connector.Persistence;

/// <summary>
/// The connector's own tables (shops, Data Protection keys, the ERP book, import staging and mapping tables),
/// beside the queue's tables in the same database. It keeps its own migrations history table so the
/// two modules migrate independently. The provider, its migrations and how timestamps are stored come from the
/// provider's <see cref="IConnectorDatabase"/> (SQLite: UTC ticks; PostgreSQL: timestamptz).
/// </summary>
public sealed class ConnectorDbContext(DbContextOptions<ConnectorDbContext> options)
    : DbContext(options), IDataProtectionKeyContext
{
    public const string MigrationsHistoryTable = "__connector_migrations";

    internal DbSet<ShopEntity> Shops => Set<ShopEntity>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    internal DbSet<ErpCustomerEntity> ErpCustomers => Set<ErpCustomerEntity>();
    internal DbSet<ErpItemEntity> ErpItems => Set<ErpItemEntity>();
    internal DbSet<ErpItemVariantEntity> ErpItemVariants => Set<ErpItemVariantEntity>();
    internal DbSet<ErpItemPriceEntity> ErpItemPrices => Set<ErpItemPriceEntity>();
    internal DbSet<ErpStockEntity> ErpStock => Set<ErpStockEntity>();
    internal DbSet<ErpItemPictureEntity> ErpItemPictures => Set<ErpItemPictureEntity>();
    internal DbSet<ErpSalesDocumentEntity> ErpSalesDocuments => Set<ErpSalesDocumentEntity>();
    internal DbSet<ErpSalesLineEntity> ErpSalesLines => Set<ErpSalesLineEntity>();
    internal DbSet<ErpPostedShipmentEntity> ErpPostedShipments => Set<ErpPostedShipmentEntity>();
    internal DbSet<ErpPostedInvoiceEntity> ErpPostedInvoices => Set<ErpPostedInvoiceEntity>();
    internal DbSet<ErpPaymentEntity> ErpPayments => Set<ErpPaymentEntity>();
    internal DbSet<SyncOrderEntity> SyncOrders => Set<SyncOrderEntity>();
    internal DbSet<SyncOrderLineEntity> SyncOrderLines => Set<SyncOrderLineEntity>();
    internal DbSet<SyncCustomerEntity> SyncCustomers => Set<SyncCustomerEntity>();
    internal DbSet<SyncCompanyEntity> SyncCompanies => Set<SyncCompanyEntity>();
    internal DbSet<SyncProductEntity> SyncProducts => Set<SyncProductEntity>();
    internal DbSet<SyncVariantEntity> SyncVariants => Set<SyncVariantEntity>();
    internal DbSet<SyncLocationEntity> SyncLocations => Set<SyncLocationEntity>();
    internal DbSet<SyncWatermarkEntity> SyncWatermarks => Set<SyncWatermarkEntity>();
    internal DbSet<SyncRecordIssueEntity> SyncRecordIssues => Set<SyncRecordIssueEntity>();
    internal DbSet<ShopifyApiCallEntity> ShopifyApiCalls => Set<ShopifyApiCallEntity>();
    internal DbSet<SyncPayoutEntity> SyncPayouts => Set<SyncPayoutEntity>();
    internal DbSet<SyncDisputeEntity> SyncDisputes => Set<SyncDisputeEntity>();
    internal DbSet<SyncCatalogEntity> SyncCatalogs => Set<SyncCatalogEntity>();
    internal DbSet<CueThresholdEntity> CueThresholds => Set<CueThresholdEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ConnectorDbContext).Assembly);
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        ErpModel.Configure(modelBuilder);
        SyncModel.Configure(modelBuilder);
        StatusModel.Configure(modelBuilder);
    }
}
