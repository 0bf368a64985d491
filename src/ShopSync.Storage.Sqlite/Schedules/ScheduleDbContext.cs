using Microsoft.EntityFrameworkCore;

namespace ShopSync.Storage.Schedules;

/// <summary>
/// The schedules' own DbContext beside the queue's in the same database: its own tables (<c>schedules</c>,
/// <c>schedule_occurrences</c>) and its own migrations history table, so the two migrate independently.
/// </summary>
internal sealed class ScheduleDbContext(DbContextOptions<ScheduleDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__schedule_migrations";

    public DbSet<ScheduleRow> Schedules => Set<ScheduleRow>();

    public DbSet<ScheduleOccurrenceRow> Occurrences => Set<ScheduleOccurrenceRow>();

    /// <summary>
    /// With <paramref name="writesAudit"/> a change made inside an audited call commits the call's audit record in its
    /// own transaction; only when this file also holds the audit trail (the SQLite job store's <c>audit_events</c>).
    /// </summary>
    public static DbContextOptions<ScheduleDbContext> Options(string connectionString, bool writesAudit = true)
    {
        var builder = new DbContextOptionsBuilder<ScheduleDbContext>()
            .UseSqlite(connectionString, o => o.MigrationsHistoryTable(MigrationsHistoryTable));
        return (writesAudit ? builder.AddInterceptors(Audit.AuditDbInterceptor.Instance) : builder).Options;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ScheduleRowConfiguration());
        modelBuilder.ApplyConfiguration(new ScheduleOccurrenceRowConfiguration());
    }
}
