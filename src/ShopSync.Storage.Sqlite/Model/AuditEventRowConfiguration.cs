using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopSync.Storage.Model;

/// <summary>
/// Table <c>audit_events</c>: the audit trail of every module (the queue's writer and the EF Core contexts insert
/// into it in their own transactions). Triggers make it append-only.
/// </summary>
internal sealed class AuditEventRowConfiguration : IEntityTypeConfiguration<AuditEventRow>
{
    public void Configure(EntityTypeBuilder<AuditEventRow> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(a => a.OccurredAt).HasColumnName("occurred_at");
        builder.Property(a => a.Principal).HasColumnName("principal");
        builder.Property(a => a.OnBehalfOf).HasColumnName("on_behalf_of");
        builder.Property(a => a.Rpc).HasColumnName("rpc");
        builder.Property(a => a.Target).HasColumnName("target");
        builder.Property(a => a.Shop).HasColumnName("shop");
        builder.Property(a => a.Outcome).HasColumnName("outcome");
        builder.Property(a => a.Status).HasColumnName("status");
        builder.Property(a => a.Detail).HasColumnName("detail");
        builder.Property(a => a.Peer).HasColumnName("peer");
        builder.HasIndex(a => a.OccurredAt).HasDatabaseName("ix_audit_events_time");
        builder.HasIndex(a => new { a.Principal, a.Id }).HasDatabaseName("ix_audit_events_principal");
        builder.HasIndex(a => new { a.Shop, a.Id }).HasDatabaseName("ix_audit_events_shop");
    }
}
