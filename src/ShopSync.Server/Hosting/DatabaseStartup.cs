using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Scheduling;
using ShopSync.Queue.Storage;
using ShopSync.Connector.Persistence;

namespace ShopSync.Server.Hosting;

/// <summary>Brings every module's tables up to date before the server takes calls.</summary>
internal static class DatabaseStartup
{
    public static async Task MigrateShopSyncAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<IJobStore>().InitializeAsync(cancellationToken);
        await services.GetRequiredService<IScheduleStore>().InitializeAsync(cancellationToken);
        var contexts = services.GetRequiredService<IDbContextFactory<ConnectorDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
