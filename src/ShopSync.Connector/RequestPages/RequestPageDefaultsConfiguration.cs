using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopSync.Connector.RequestPages;

internal sealed class RequestPageDefaultsConfiguration : IEntityTypeConfiguration<RequestPageDefaultsEntity>
{
    public void Configure(EntityTypeBuilder<RequestPageDefaultsEntity> builder)
    {
        builder.ToTable("request_page_defaults");
        builder.HasKey(d => new { d.ShopCode, d.ReportId });
        builder.Property(d => d.ShopCode).HasMaxLength(20);
    }
}
