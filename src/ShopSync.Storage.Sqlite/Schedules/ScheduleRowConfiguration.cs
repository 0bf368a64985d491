using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopSync.Storage.Schedules;

internal sealed class ScheduleRowConfiguration : IEntityTypeConfiguration<ScheduleRow>
{
    public void Configure(EntityTypeBuilder<ScheduleRow> builder)
    {
        builder.ToTable("schedules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id");
        builder.Property(r => r.ShopCode).HasColumnName("shop_code");
        builder.Property(r => r.ReportId).HasColumnName("report_id");
        builder.Property(r => r.Description).HasColumnName("description");
        builder.Property(r => r.CategoryCode).HasColumnName("category_code");
        builder.Property(r => r.Priority).HasColumnName("priority");
        builder.Property(r => r.Filters).HasColumnName("filters");
        builder.Property(r => r.Options).HasColumnName("options");
        builder.Property(r => r.MaxAttempts).HasColumnName("max_attempts");
        builder.Property(r => r.RerunDelayMs).HasColumnName("rerun_delay_ms");
        builder.Property(r => r.TimeoutMs).HasColumnName("timeout_ms");
        builder.Property(r => r.TimeZone).HasColumnName("time_zone");
        builder.Property(r => r.EarliestStart).HasColumnName("earliest_start");
        builder.Property(r => r.Expiration).HasColumnName("expiration");
        builder.Property(r => r.Form).HasColumnName("form");
        builder.Property(r => r.Weekdays).HasColumnName("weekdays");
        builder.Property(r => r.StartingTime).HasColumnName("starting_time");
        builder.Property(r => r.EndingTime).HasColumnName("ending_time");
        builder.Property(r => r.MinutesBetweenRuns).HasColumnName("minutes_between_runs");
        builder.Property(r => r.Formula).HasColumnName("formula");
        builder.Property(r => r.Cron).HasColumnName("cron");
        builder.Property(r => r.Anchoring).HasColumnName("anchoring");
        builder.Property(r => r.CatchUp).HasColumnName("catch_up");
        builder.Property(r => r.CatchUpLimit).HasColumnName("catch_up_limit");
        builder.Property(r => r.Overlap).HasColumnName("overlap");
        builder.Property(r => r.OnFailure).HasColumnName("on_failure");
        builder.Property(r => r.State).HasColumnName("state");
        builder.Property(r => r.NextOccurrence).HasColumnName("next_occurrence");
        builder.Property(r => r.LastOccurrence).HasColumnName("last_occurrence");
        builder.Property(r => r.LastRunAt).HasColumnName("last_run_at");
        builder.Property(r => r.LastResult).HasColumnName("last_result");
        builder.Property(r => r.CurrentJobId).HasColumnName("current_job_id");
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        builder.Property(r => r.Version).HasColumnName("version").IsConcurrencyToken();

        // The runner's two questions, O(log n): the earliest next occurrence and the due schedules.
        builder.HasIndex(r => r.NextOccurrence)
            .HasFilter("state = 1 AND next_occurrence IS NOT NULL")
            .HasDatabaseName("ix_schedules_due");
        builder.HasIndex(r => new { r.ShopCode, r.ReportId }).HasDatabaseName("ix_schedules_shop_report");
    }
}
