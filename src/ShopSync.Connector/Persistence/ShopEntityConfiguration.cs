using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopSync.Connector.Persistence;

internal sealed class ShopEntityConfiguration : IEntityTypeConfiguration<ShopEntity>
{
    public void Configure(EntityTypeBuilder<ShopEntity> builder)
    {
        builder.ToTable("shops");
        builder.HasKey(s => s.NormalizedCode);
        builder.Property(s => s.Code).HasMaxLength(20).IsRequired();
        builder.Property(s => s.NormalizedCode).HasMaxLength(20);
        builder.Property(s => s.ShopifyUrl).HasMaxLength(2048).IsRequired();
        builder.Property(s => s.ApiVersion).HasMaxLength(16).IsRequired();
        builder.Property(s => s.DefaultCustomerNo).HasMaxLength(20);
        builder.Property(s => s.JobQueueCategory).HasMaxLength(10).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        // SQLite cannot order DateTimeOffset natively; store UTC ticks so the column sorts and compares.
        builder.Property(s => s.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        builder.Property(s => s.UpdatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
    }
}
