using ShopSync.Queue;
using ShopSync.Queue.Filters;
using ShopSync.Server.Demo;
using ShopSync.Server.Jobs;
using ShopSync.Server.Schedules;
using ShopSync.Server.Status;
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
        var webUrls = configuration[ServerCommandLine.WebUrlsKey] is { Length: > 0 } web ? web : ServerCommandLine.DefaultWebUrls;
        builder.WebHost.ConfigureKestrel(kestrel => ListenUrls.Apply(kestrel, urls, webUrls));

        var connectionString = ServerCommandLine.ResolveConnectionString(configuration);
        var services = builder.Services;
        services.AddSingleton(AcceleratedTimeProvider.FromConfiguration(configuration));
        services.Configure<QueueOptions>(configuration.GetSection(QueueOptions.SectionName));
        services.AddShopSyncQueue();
        services.AddShopSyncSqliteStore(connectionString, sqlite => configuration.GetSection("Storage:Sqlite").Bind(sqlite));
        services.AddSchedules(configuration, connectionString);
        services.AddSingleton(DiagnosticsRequestPages.NoOp);
        services.AddSingleton(DiagnosticsRequestPages.Diagnostics);
        services.AddSingleton(sp => new RequestPageCatalog(sp.GetServices<RequestPageDefinition>()));
        services.AddShopSyncShops(connectionString);
        services.Configure<SyncOptions>(configuration.GetSection(SyncOptions.SectionName));
        services.AddShopSyncTasks();
        services.AddSingleton<RequestPageDefaultsStore>();
        services.AddSingleton<ShopRunPolicy>();
        services.AddSingleton<RequestPageService>();
        services.AddSingleton<IOrderSyncTrigger, QueueOrderSyncTrigger>();
        services.AddShopSyncGrpc(configuration);
        services.AddSyncStatus();
        services.AddDemo(configuration);
        return builder;
    }

    public static WebApplication MapShopSync(this WebApplication app)
    {
        app.MapShopSyncGrpc();
        app.MapShopifyWebhooks();
        return app;
    }

    /// <summary>Migrates the databases and seeds the demo before the server takes calls.</summary>
    public static async Task PrepareShopSyncAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        await app.Services.MigrateShopSyncAsync(cancellationToken);
        await app.Services.StartDemoAsync(app.Configuration, cancellationToken);
    }
}
