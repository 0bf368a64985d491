using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopSync.Storage.Model;

/// <summary>Table <c>queue_job_events</c>, keyed by (entry, sequence) so a watcher resumes with one range scan.</summary>
internal sealed class JobEventRowConfiguration : IEntityTypeConfiguration<JobEventRow>
{
    public void Configure(EntityTypeBuilder<JobEventRow> builder)
    {
        builder.ToTable("queue_job_events");
        builder.HasKey(e => new { e.JobId, e.Seq });
        builder.Property(e => e.JobId).HasColumnName("job_id");
        builder.Property(e => e.Seq).HasColumnName("seq");
        builder.Property(e => e.Time).HasColumnName("time");
        builder.Property(e => e.Kind).HasColumnName("kind");
        builder.Property(e => e.Data).HasColumnName("data");
    }
}
