using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopSync.Storage.Model;

/// <summary>Table <c>queue_jobs</c>. The partial indexes carry the dispatcher: claim order and the category rule.</summary>
internal sealed class JobRowConfiguration : IEntityTypeConfiguration<JobRow>
{
    public void Configure(EntityTypeBuilder<JobRow> builder)
    {
        builder.ToTable("queue_jobs");
        builder.HasKey(j => j.EntryNo);
        builder.Property(j => j.EntryNo).HasColumnName("entry_no").ValueGeneratedOnAdd();
        builder.Property(j => j.Id).HasColumnName("id").IsRequired();
        builder.Property(j => j.ReportId).HasColumnName("report_id");
        builder.Property(j => j.Description).HasColumnName("description");
        builder.Property(j => j.ShopCode).HasColumnName("shop_code");
        builder.Property(j => j.CategoryCode).HasColumnName("category_code");
        builder.Property(j => j.Priority).HasColumnName("priority");
        builder.Property(j => j.Status).HasColumnName("status");
        builder.Property(j => j.EarliestStart).HasColumnName("earliest_start");
        builder.Property(j => j.Expiration).HasColumnName("expiration");
        builder.Property(j => j.MaxAttempts).HasColumnName("max_attempts");
        builder.Property(j => j.Attempts).HasColumnName("attempts");
        builder.Property(j => j.RerunDelayMs).HasColumnName("rerun_delay_ms");
        builder.Property(j => j.TimeoutMs).HasColumnName("timeout_ms");
        builder.Property(j => j.Filters).HasColumnName("filters");
        builder.Property(j => j.Options).HasColumnName("options");
        builder.Property(j => j.CreatedBy).HasColumnName("created_by");
        builder.Property(j => j.ErrorMessage).HasColumnName("error_message");
        builder.Property(j => j.ErrorDetail).HasColumnName("error_detail");
        builder.Property(j => j.ProgressPercent).HasColumnName("progress_percent");
        builder.Property(j => j.ProgressMessage).HasColumnName("progress_message");
        builder.Property(j => j.Pages).HasColumnName("pages");
        builder.Property(j => j.Done).HasColumnName("done");
        builder.Property(j => j.Failed).HasColumnName("failed");
        builder.Property(j => j.Skipped).HasColumnName("skipped");
        builder.Property(j => j.Checkpoint).HasColumnName("checkpoint");
        builder.Property(j => j.CreatedAt).HasColumnName("created_at");
        builder.Property(j => j.UpdatedAt).HasColumnName("updated_at");
        builder.Property(j => j.StartedAt).HasColumnName("started_at");
        builder.Property(j => j.EndedAt).HasColumnName("ended_at");
        builder.Property(j => j.LastResult).HasColumnName("last_result");
        builder.Property(j => j.ScheduleId).HasColumnName("schedule_id");
        builder.Property(j => j.OccurrenceUtc).HasColumnName("occurrence_utc");
        builder.Property(j => j.TraceParent).HasColumnName("trace_parent");
        builder.Property(j => j.LeaseOwner).HasColumnName("lease_owner");
        builder.Property(j => j.LeaseExpiresAt).HasColumnName("lease_expires_at");
        builder.Property(j => j.FencingToken).HasColumnName("fencing_token");
        builder.Property(j => j.CancelRequested).HasColumnName("cancel_requested");
        builder.Property(j => j.HoldRequested).HasColumnName("hold_requested");
        builder.Property(j => j.AcceptedStatus).HasColumnName("accepted_status");
        builder.Property(j => j.Foreground).HasColumnName("foreground");
        builder.Property(j => j.EventSeq).HasColumnName("event_seq");

        builder.HasIndex(j => j.Id).IsUnique().HasDatabaseName("ux_queue_jobs_id");

        // Claim: the head of a category by (priority, entry no.) among queued entries, O(log n).
        builder.HasIndex(j => new { j.CategoryCode, j.Priority, j.EntryNo })
            .HasFilter("status IN (2, 3)")
            .HasDatabaseName("ix_queue_jobs_queued");

        // Ready entries by due time: the next due time of a category, and marking due entries Waiting, O(log n).
        builder.HasIndex(j => new { j.CategoryCode, j.EarliestStart })
            .HasFilter("status = 2")
            .HasDatabaseName("ix_queue_jobs_ready");

        // The category rule enforced by the database itself: at most one In Process entry per category.
        builder.HasIndex(j => j.CategoryCode)
            .IsUnique()
            .HasFilter("status = 4")
            .HasDatabaseName("ux_queue_jobs_in_process");

        // A recurring occurrence exists only once.
        builder.HasIndex(j => new { j.ScheduleId, j.OccurrenceUtc })
            .IsUnique()
            .HasFilter("schedule_id IS NOT NULL")
            .HasDatabaseName("ux_queue_jobs_occurrence");
    }
}
