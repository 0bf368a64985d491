using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Scheduling;
using ShopSync.Queue.Storage;
using ShopSync.Connector.Persistence;
using ShopSync.Server.Access.Keys;
using ShopSync.Storage.Sqlite;

namespace ShopSync.Server.Hosting;

/// <summary>Brings every module's tables up to date before the server takes calls.</summary>
internal static class DatabaseStartup
{
    public static async Task MigrateShopSyncAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var connectionString = services.GetRequiredService<IOptions<SqliteStoreOptions>>().Value.ConnectionString;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup).FullName!);

        // The lock row's age is compared with the wall clock EF Core wrote it by, not the (maybe accelerated) server clock.
        using (await SqliteMigrationGuard.AcquireAsync(connectionString, TimeProvider.System, logger, cancellationToken))
        {
            await services.GetRequiredService<IJobStore>().InitializeAsync(cancellationToken);
            await services.GetRequiredService<IScheduleStore>().InitializeAsync(cancellationToken);
            var contexts = services.GetRequiredService<IDbContextFactory<ConnectorDbContext>>();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            await services.GetRequiredService<IApiKeyStore>().InitializeAsync(cancellationToken);
        }
    }
}
