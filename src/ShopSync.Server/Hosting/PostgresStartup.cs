using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Persistence;
using ShopSync.Queue.Scheduling;
using ShopSync.Queue.Storage;
using ShopSync.Server.Access.Keys;
using ShopSync.Storage.Postgres.DataProtection;

namespace ShopSync.Server.Hosting;

/// <summary>With <c>--postgres</c>: brings the tables every node shares up to date, each under the advisory lock.</summary>
internal static class PostgresStartup
{
    public static async Task MigratePostgresSharedStateAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<IJobStore>().InitializeAsync(cancellationToken);
        await services.GetRequiredService<IScheduleStore>().InitializeAsync(cancellationToken);
        await services.GetRequiredService<IApiKeyStore>().InitializeAsync(cancellationToken);
        await services.GetRequiredService<PostgresXmlRepository>().InitializeAsync(cancellationToken);
        await services.GetRequiredService<IConnectorDatabase>().MigrateAsync(
            services.GetRequiredService<IDbContextFactory<ConnectorDbContext>>(), cancellationToken);
    }
}
