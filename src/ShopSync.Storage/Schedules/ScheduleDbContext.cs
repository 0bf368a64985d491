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

    public static DbContextOptions<ScheduleDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<ScheduleDbContext>()
            .UseSqlite(connectionString, o => o.MigrationsHistoryTable(MigrationsHistoryTable))
            .AddInterceptors(Audit.AuditDbInterceptor.Instance)
            .Options;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ScheduleRowConfiguration());
        modelBuilder.ApplyConfiguration(new ScheduleOccurrenceRowConfiguration());
    }
}
