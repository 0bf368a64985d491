using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopSync.Storage.Schedules;

internal sealed class ScheduleOccurrenceRowConfiguration : IEntityTypeConfiguration<ScheduleOccurrenceRow>
{
    public void Configure(EntityTypeBuilder<ScheduleOccurrenceRow> builder)
    {
        builder.ToTable("schedule_occurrences");
        builder.HasKey(r => new { r.ScheduleId, r.OccurrenceUtc });
        builder.Property(r => r.ScheduleId).HasColumnName("schedule_id");
        builder.Property(r => r.OccurrenceUtc).HasColumnName("occurrence_utc");
        builder.Property(r => r.JobId).HasColumnName("job_id");
    }
}
