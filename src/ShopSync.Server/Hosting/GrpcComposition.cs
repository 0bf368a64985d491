using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Model;
using Grpc.Net.Compression;
using Grpc.AspNetCore.Web;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using ShopSync.Contracts.V1;
using ShopSync.Server.Access;
using ShopSync.Server.Audit;
using ShopSync.Server.Erp;
using ShopSync.Server.Grpc;
using ShopSync.Server.Grpc.Binding;
using ShopSync.Server.Health;
using ShopSync.Server.Jobs;
using ShopSync.Server.Schedules;
using ShopSync.Server.Shops;
using ShopSync.Server.Status;

namespace ShopSync.Server.Hosting;

/// <summary>The gRPC stack: Grpc.AspNetCore with its interceptor, limits, health, reflection and gRPC-Web.</summary>
internal static class GrpcComposition
{
    /// <summary>The names grpc.health.v1.Health answers for besides "" (the whole server).</summary>
    private static readonly string[] ServiceNames =
    [
        JobQueueService.Descriptor.FullName,
        ShopService.Descriptor.FullName,
        ScheduleService.Descriptor.FullName,
        ErpBookService.Descriptor.FullName,
        SyncStatusService.Descriptor.FullName,
        AccessService.Descriptor.FullName,
        AuditService.Descriptor.FullName,
    ];

    public static IServiceCollection AddShopSyncGrpc(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GrpcHostingOptions>(configuration.GetSection(GrpcHostingOptions.SectionName));
        services.AddGrpc();
        UseGuardedBinding(services);
        services.AddOptions<GrpcServiceOptions>().Configure<IOptions<GrpcHostingOptions>>((grpc, hosting) =>
        {
            var limits = hosting.Value;
            // Outermost, so it sees every outcome: the domain errors as statuses and the refusals of any later
            // (authentication/authorization) interceptor.
            grpc.Interceptors.Add<AuditInterceptor>();
            grpc.Interceptors.Add<DomainErrorInterceptor>();
            // Inside the error mapping (so a scope check's domain errors become statuses), before everything else.
            grpc.Interceptors.Add<AccessInterceptor>();
            grpc.MaxReceiveMessageSize = limits.MaxReceiveMessageSize;
            grpc.MaxSendMessageSize = limits.MaxSendMessageSize;
            grpc.ResponseCompressionAlgorithm = limits.ResponseCompression.Length == 0 ? null : limits.ResponseCompression;
            grpc.ResponseCompressionLevel = System.IO.Compression.CompressionLevel.Fastest;
            // An unexpected exception's message stays in the server's log; the caller gets UNKNOWN without it.
            grpc.EnableDetailedErrors = false;
            // gzip as grpc-dotnet's default, but a message that does not decompress is INVALID_ARGUMENT.
            grpc.CompressionProviders = [new GuardedCompressionProvider(new GzipCompressionProvider(System.IO.Compression.CompressionLevel.Fastest))];
        });
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<GrpcHostingOptions>>((kestrel, hosting) =>
        {
            var http2 = kestrel.Limits.Http2;
            http2.MaxStreamsPerConnection = hosting.Value.MaxStreamsPerConnection;
            http2.KeepAlivePingDelay = hosting.Value.KeepAlivePingDelay;
            http2.KeepAlivePingTimeout = hosting.Value.KeepAlivePingTimeout;
        });
        services.AddSingleton<DomainErrorInterceptor>();
        services.AddSingleton<AuditInterceptor>();
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks(health =>
            {
                foreach (var name in ServiceNames)
                {
                    health.Services.Map(name, r => r.Name != ChangeFeedHealthCheck.Name);
                }

                // The change feed has a service of its own: while it polls, the node still serves.
                health.Services.Map(string.Empty, r => r.Name != ChangeFeedHealthCheck.Name);
                health.Services.Map(ChangeFeedHealthCheck.ServiceName, r => r.Name == ChangeFeedHealthCheck.Name);
                // Check asks the store each time rather than reading the publisher's last result (up to 30 s old).
                health.UseHealthChecksCache = false;
            })
            .AddCheck<StoreHealthCheck>("store")
            .AddCheck<ChangeFeedHealthCheck>(ChangeFeedHealthCheck.Name);
        services.AddSingleton<JobQueueGrpcService>();
        services.AddSingleton<ShopGrpcService>();
        services.AddSingleton<ErpBookGrpcService>();
        return services;
    }

    /// <summary>
    /// Replaces grpc-dotnet's binder of generated services with <see cref="GuardedServiceMethodProvider{TService}"/>, so a
    /// request that does not decode is INVALID_ARGUMENT rather than UNKNOWN (issue 16, defect 8).
    /// </summary>
    private static void UseGuardedBinding(IServiceCollection services)
    {
        var binder = services.SingleOrDefault(d =>
                d.ServiceType == typeof(IServiceMethodProvider<>) && d.ImplementationType?.Name == "BinderServiceMethodProvider`1")
            ?? throw new InvalidOperationException("grpc-dotnet's BinderServiceMethodProvider was not registered: the guarded binding needs updating.");
        services.Remove(binder);
        services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(GuardedServiceMethodProvider<>));
    }

    /// <summary>Maps every service (gRPC and gRPC-Web), health and reflection.</summary>
    public static WebApplication MapShopSyncGrpc(this WebApplication app)
    {
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        app.MapGrpcService<JobQueueGrpcService>();
        app.MapGrpcService<ShopGrpcService>();
        app.MapGrpcService<ScheduleGrpcService>();
        app.MapGrpcService<ErpBookGrpcService>();
        app.MapGrpcService<SyncStatusGrpcService>();
        app.MapGrpcService<AccessGrpcService>();
        app.MapGrpcService<AuditGrpcService>();
        app.MapGrpcHealthChecksService();
        // Open like health (it describes the contract, not the data); --Grpc:EnableReflection=false turns it off.
        if (app.Configuration.GetValue(GrpcHostingOptions.SectionName + ":EnableReflection", true))
        {
            app.MapGrpcReflectionService();
        }
        return app;
    }
}
