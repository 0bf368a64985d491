using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopSync.Storage.Model;

/// <summary>Table <c>queue_sweep_leases</c>: one row per sweep name, so one node runs each sweep at a time.</summary>
internal sealed class SweepLeaseRowConfiguration : IEntityTypeConfiguration<SweepLeaseRow>
{
    public void Configure(EntityTypeBuilder<SweepLeaseRow> builder)
    {
        builder.ToTable("queue_sweep_leases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasColumnName("name").HasMaxLength(50);
        builder.Property(l => l.Holder).HasColumnName("holder").HasMaxLength(200);
        builder.Property(l => l.ExpiresAt).HasColumnName("expires_at");
    }
}
