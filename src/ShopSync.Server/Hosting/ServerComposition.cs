using ShopSync.Grpc.Server;
using ShopSync.Queue;
using ShopSync.Queue.Filters;
using ShopSync.Server.Demo;
using ShopSync.Server.Erp;
using ShopSync.Server.Grpc;
using ShopSync.Server.Housekeeping;
using ShopSync.Server.Jobs;
using ShopSync.Server.Schedules;
using ShopSync.Server.Shops;
using ShopSync.Server.Status;
using ShopSync.Server.Telemetry;
using ShopSync.Server.Webhooks;
using ShopSync.Shopify;
using ShopSync.Shopify.RequestPages;
using ShopSync.Shopify.Sync;
using ShopSync.Shopify.Webhooks;
using ShopSync.Storage;

namespace ShopSync.Server.Hosting;

/// <summary>The whole application's wiring: one place, so Program.cs stays a few lines.</summary>
internal static class ServerComposition
{
    public static WebApplicationBuilder AddShopSyncServer(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var urls = configuration["urls"] is { Length: > 0 } configured ? configured : ServerCommandLine.DefaultUrls;
        builder.WebHost.ConfigureKestrel(kestrel => ListenUrls.Apply(kestrel, urls));
        builder.AddShopSyncTelemetry();

        var connectionString = ServerCommandLine.ResolveConnectionString(configuration);
        var services = builder.Services;
        services.AddSingleton(AcceleratedTimeProvider.FromConfiguration(configuration));
        services.Configure<QueueOptions>(configuration.GetSection(QueueOptions.SectionName));
        services.AddShopSyncQueue();
        services.AddShopSyncHousekeeping(configuration);
        services.AddShopSyncSqliteStore(connectionString, sqlite => configuration.GetSection("Storage:Sqlite").Bind(sqlite));
        services.AddSchedules(configuration, connectionString);
        services.AddSingleton(DiagnosticsRequestPages.NoOp);
        services.AddSingleton(DiagnosticsRequestPages.Diagnostics);
        services.AddSingleton(sp => new RequestPageCatalog(sp.GetServices<RequestPageDefinition>()));
        services.AddShopSyncShops(connectionString);
        services.Configure<SyncOptions>(configuration.GetSection(SyncOptions.SectionName));
        services.AddShopSyncTasks();
        services.AddConnectorMetrics();
        services.AddSingleton<RequestPageDefaultsStore>();
        services.AddSingleton<ShopRunPolicy>();
        services.AddSingleton<RequestPageService>();
        services.AddSingleton<IOrderSyncTrigger, QueueOrderSyncTrigger>();
        services.AddShopSyncGrpc(o => o.Interceptors.Add(new DomainErrorInterceptor()));
        services.AddSingleton<JobQueueGrpcService>();
        services.AddSingleton<ShopGrpcService>();
        services.AddSingleton<ErpBookGrpcService>();
        services.AddSyncStatus();
        services.AddDemo(configuration);
        return builder;
    }

    public static WebApplication MapShopSync(this WebApplication app)
    {
        app.MapGrpcService<JobQueueGrpcService>();
        app.MapGrpcService<ShopGrpcService>();
        app.MapGrpcService<ScheduleGrpcService>();
        app.MapGrpcService<ErpBookGrpcService>();
        app.MapGrpcService<SyncStatusGrpcService>();
        app.MapGrpcHealthAndReflection();
        app.MapShopifyWebhooks();
        app.MapShopSyncMetrics();
        app.UseShopSyncHousekeeping();
        return app;
    }

    /// <summary>Migrates the databases and seeds the demo before the server takes calls.</summary>
    public static async Task PrepareShopSyncAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        await app.Services.MigrateShopSyncAsync(cancellationToken);
        await app.Services.StartDemoAsync(app.Configuration, cancellationToken);
    }
}
