using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopSync.Storage.Model;

/// <summary>Table <c>queue_enqueue_keys</c>: written with the entries of a keyed enqueue, swept after <c>expires_at</c>.</summary>
internal sealed class EnqueueKeyRowConfiguration : IEntityTypeConfiguration<EnqueueKeyRow>
{
    public void Configure(EntityTypeBuilder<EnqueueKeyRow> builder)
    {
        builder.ToTable("queue_enqueue_keys");
        builder.HasKey(k => k.RequestId);
        builder.Property(k => k.RequestId).HasColumnName("request_id");
        builder.Property(k => k.RequestHash).HasColumnName("request_hash");
        builder.Property(k => k.JobIds).HasColumnName("job_ids");
        builder.Property(k => k.CreatedAt).HasColumnName("created_at");
        builder.Property(k => k.ExpiresAt).HasColumnName("expires_at");
        builder.HasIndex(k => k.ExpiresAt).HasDatabaseName("ix_queue_enqueue_keys_expires");
    }
}
