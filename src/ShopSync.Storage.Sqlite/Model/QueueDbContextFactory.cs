using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ShopSync.Storage.Model;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without a host.</summary>
internal sealed class QueueDbContextFactory : IDesignTimeDbContextFactory<QueueDbContext>
{
    public QueueDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<QueueDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable("__queue_migrations"))
            .Options;
        return new QueueDbContext(options);
    }
}
