using Microsoft.Extensions.Options;
using ShopSync.Queue;
using ShopSync.Queue.Filters;
using ShopSync.Server.Access;
using ShopSync.Server.Dashboard;
using ShopSync.Server.Demo;
using ShopSync.Server.Housekeeping;
using ShopSync.Server.Jobs;
using ShopSync.Server.Schedules;
using ShopSync.Server.Status;
using ShopSync.Server.Telemetry;
using ShopSync.Server.Tls;
using ShopSync.Server.Webhooks;
using ShopSync.Connector;
using ShopSync.Connector.RequestPages;
using ShopSync.Connector.Sync;
using ShopSync.Connector.Webhooks;
using ShopSync.Storage;

namespace ShopSync.Server.Hosting;

/// <summary>The whole application's wiring: one place, so Program.cs stays a few lines.</summary>
internal static class ServerComposition
{
    public static WebApplicationBuilder AddShopSyncServer(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var tls = ServerTls.Load(configuration.GetSection(TlsOptions.SectionName).Get<TlsOptions>() ?? new TlsOptions());
        var urls = configuration["urls"] is { Length: > 0 } configured ? configured
            : tls.HasCertificate ? ServerCommandLine.DefaultTlsUrls : ServerCommandLine.DefaultUrls;
        var webUrls = configuration[ServerCommandLine.WebUrlsKey] is { Length: > 0 } web ? web : ServerCommandLine.DefaultWebUrls;
        AccessComposition.CheckSecureListeners(configuration, urls, webUrls);
        builder.WebHost.ConfigureKestrel(kestrel => ListenUrls.Apply(kestrel, urls, webUrls, tls));
        builder.AddShopSyncTelemetry();

        var storage = StorageSelection.Resolve(configuration);
        var connectionString = storage.SqliteConnectionString;
        builder.Services.AddSingleton(storage);
        var keyRing = KeyRingSetup.Load(configuration, connectionString);
        // Hosted services stop in reverse order of registration: the schedule runner before the dispatcher,
        // the status watch before what it reads.
        builder.Services
            .AddServerClock(configuration)
            .AddShopSyncQueue(o => configuration.GetSection(QueueOptions.SectionName).Bind(o))
            .AddShopSyncHousekeeping(configuration)
            .AddJobStore(storage, configuration)
            .AddSchedules(configuration, storage)
            .AddRequestPages()
            .AddConnectorStore(storage, keyRing)
            .AddShopSyncTasks(o => configuration.GetSection(SyncOptions.SectionName).Bind(o))
            .AddConnectorMetrics()
            .AddOrderSyncWebhooks()
            .AddShopSyncGrpc(configuration)
            .AddShopSyncAccess(configuration, connectionString)
            .AddSyncStatus()
            .AddDemo(configuration)
            .AddPostgresSharedState(storage);
        return builder;
    }

    /// <summary>The job store the selection names: SQLite (the default) or PostgreSQL.</summary>
    private static IServiceCollection AddJobStore(this IServiceCollection services, StorageSelection storage, IConfiguration configuration) =>
        storage.PostgresConnectionString is { } postgres
            ? services.AddShopSyncPostgresStore(postgres, o => configuration.GetSection("Storage:Postgres").Bind(o))
            : services.AddShopSyncSqliteStore(storage.SqliteConnectionString, o => configuration.GetSection("Storage:Sqlite").Bind(o));

    public static WebApplication MapShopSync(this WebApplication app)
    {
        // First: the origin check runs before gRPC-Web and the files.
        app.UseShopSyncDashboard();
        app.MapShopSyncGrpc();
        app.MapShopifyWebhooks();
        app.MapShopSyncMetrics();
        app.UseShopSyncHousekeeping();
        return app;
    }

    /// <summary>Validates the options, migrates the databases and seeds the demo before the server takes calls.</summary>
    public static async Task PrepareShopSyncAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        // Every option validated with ValidateOnStart, before anything touches the database.
        app.Services.GetService<IStartupValidator>()?.Validate();
        await app.Services.MigrateShopSyncAsync(cancellationToken);
        await app.Services.StartDemoAsync(app.Configuration, cancellationToken);
    }
}
