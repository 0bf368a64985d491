using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ShopSync.Shopify.Persistence;

/// <summary>
/// The connector's own tables (shops, Data Protection keys; later the ERP book and import tables),
/// beside the queue's tables in the same database. It keeps its own migrations history table so the
/// two modules migrate independently.
/// </summary>
public sealed class ConnectorDbContext(DbContextOptions<ConnectorDbContext> options)
    : DbContext(options), IDataProtectionKeyContext
{
    public const string MigrationsHistoryTable = "__connector_migrations";

    internal DbSet<ShopEntity> Shops => Set<ShopEntity>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ConnectorDbContext).Assembly);
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }
}
