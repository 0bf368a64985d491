using Microsoft.EntityFrameworkCore.Design;

namespace ShopSync.Storage.Schedules;

/// <summary>Lets <c>dotnet ef migrations add --context ScheduleDbContext</c> build the context without a host.</summary>
internal sealed class ScheduleDbContextDesignFactory : IDesignTimeDbContextFactory<ScheduleDbContext>
{
    public ScheduleDbContext CreateDbContext(string[] args) => new(ScheduleDbContext.Options("Data Source=design-time.db"));
}
