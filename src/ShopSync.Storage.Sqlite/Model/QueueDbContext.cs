using Microsoft.EntityFrameworkCore;

namespace ShopSync.Storage.Model;

/// <summary>The job queue's own DbContext (other modules keep theirs in the same database file). Its migrations own the queue_* tables and audit_events.</summary>
internal sealed class QueueDbContext : DbContext
{
    public QueueDbContext(DbContextOptions<QueueDbContext> options)
        : base(options)
    {
    }

    public DbSet<JobRow> Jobs => Set<JobRow>();

    public DbSet<JobLogRow> Log => Set<JobLogRow>();

    public DbSet<JobEventRow> Events => Set<JobEventRow>();

    public DbSet<SweepLeaseRow> SweepLeases => Set<SweepLeaseRow>();

    public DbSet<EnqueueKeyRow> EnqueueKeys => Set<EnqueueKeyRow>();
    public DbSet<AuditEventRow> AuditEvents => Set<AuditEventRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new JobRowConfiguration());
        modelBuilder.ApplyConfiguration(new JobLogRowConfiguration());
        modelBuilder.ApplyConfiguration(new JobEventRowConfiguration());
        modelBuilder.ApplyConfiguration(new SweepLeaseRowConfiguration());
        modelBuilder.ApplyConfiguration(new EnqueueKeyRowConfiguration());
        modelBuilder.ApplyConfiguration(new AuditEventRowConfiguration());
    }
}
