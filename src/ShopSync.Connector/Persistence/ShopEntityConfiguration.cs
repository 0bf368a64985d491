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
    }
}
