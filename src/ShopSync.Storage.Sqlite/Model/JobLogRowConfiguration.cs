using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopSync.Storage.Model;

/// <summary>Table <c>queue_job_log</c>: one row per run, kept after the entry is deleted.</summary>
internal sealed class JobLogRowConfiguration : IEntityTypeConfiguration<JobLogRow>
{
    public void Configure(EntityTypeBuilder<JobLogRow> builder)
    {
        builder.ToTable("queue_job_log");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(l => l.JobId).HasColumnName("job_id");
        builder.Property(l => l.EntryNo).HasColumnName("entry_no");
        builder.Property(l => l.ReportId).HasColumnName("report_id");
        builder.Property(l => l.Description).HasColumnName("description");
        builder.Property(l => l.ShopCode).HasColumnName("shop_code");
        builder.Property(l => l.CategoryCode).HasColumnName("category_code");
        builder.Property(l => l.Attempt).HasColumnName("attempt");
        builder.Property(l => l.StartTime).HasColumnName("start_time");
        builder.Property(l => l.EndTime).HasColumnName("end_time");
        builder.Property(l => l.Result).HasColumnName("result");
        builder.Property(l => l.ErrorMessage).HasColumnName("error_message");
        builder.Property(l => l.ErrorDetail).HasColumnName("error_detail");
        builder.Property(l => l.Pages).HasColumnName("pages");
        builder.Property(l => l.Done).HasColumnName("done");
        builder.Property(l => l.Failed).HasColumnName("failed");
        builder.Property(l => l.Skipped).HasColumnName("skipped");
        builder.Property(l => l.Filters).HasColumnName("filters");
        builder.Property(l => l.Options).HasColumnName("options");
        builder.Property(l => l.Node).HasColumnName("node");
        builder.HasIndex(l => new { l.JobId, l.Id }).HasDatabaseName("ix_queue_job_log_job");
        builder.HasIndex(l => new { l.ShopCode, l.Id }).HasDatabaseName("ix_queue_job_log_shop");
    }
}
