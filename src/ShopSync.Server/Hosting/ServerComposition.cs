using Microsoft.AspNetCore.Server.Kestrel.Core;
using ShopSync.Grpc;
using ShopSync.Queue;
using ShopSync.Server.Grpc;
using ShopSync.Server.Jobs;
using ShopSync.Server.Shops;
using ShopSync.Server.Webhooks;
using ShopSync.Shopify;
using ShopSync.Shopify.RequestPages;
using ShopSync.Shopify.Webhooks;
using ShopSync.Storage;

namespace ShopSync.Server.Hosting;

/// <summary>The whole application's wiring: one place, so Program.cs stays a few lines.</summary>
internal static class ServerComposition
{
    public static WebApplicationBuilder AddShopSyncServer(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration["urls"]) && string.IsNullOrWhiteSpace(configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(ServerCommandLine.DefaultUrls);
        }
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint =>
        {
            // Cleartext gRPC needs HTTP/2 with prior knowledge; HTTP/1 would be chosen otherwise.
            // A TLS endpoint negotiates (ALPN), so it also takes HTTP/1.1 webhooks from Shopify.
            endpoint.Protocols = endpoint.IsTls ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http2;
        }));

        var connectionString = ServerCommandLine.ResolveConnectionString(configuration);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddShopSyncQueue(configuration.GetSection(QueueOptions.SectionName));
        services.AddShopSyncSqliteStore(connectionString);
        services.AddShopSyncShops(connectionString);
        services.AddSingleton<RequestPageDefaultsStore>();
        services.AddSingleton<ShopRunPolicy>();
        services.AddSingleton<RequestPageService>();
        services.AddSingleton<IOrderSyncTrigger, QueueOrderSyncTrigger>();
        services.AddShopSyncGrpc(o => o.Interceptors.Add(new DomainErrorInterceptor()));
        services.AddSingleton<JobQueueGrpcService>();
        services.AddSingleton<ShopGrpcService>();
        services.AddDemo(configuration);
        return builder;
    }

    public static WebApplication MapShopSync(this WebApplication app)
    {
        app.MapGrpcService<JobQueueGrpcService>();
        app.MapGrpcService<ShopGrpcService>();
        app.MapGrpcHealthAndReflection();
        app.MapShopifyWebhooks();
        app.MapDemo();
        return app;
    }

    /// <summary>Migrates the databases and seeds the demo before the server takes calls.</summary>
    public static async Task PrepareShopSyncAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        await app.Services.MigrateShopSyncAsync(cancellationToken);
        await app.SeedDemoAsync(cancellationToken);
    }
}
