using Grpc.Net.ClientFactory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopSync.Client;
using ShopSync.Client.Internal;
using ShopSync.Contracts.V1;
using HealthClient = Grpc.Health.V1.Health.HealthClient;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the ShopSync client.</summary>
public static class ShopSyncClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers the generated clients of every service with Grpc.Net.ClientFactory (<c>AddGrpcClient</c>), and
    /// <see cref="ShopSyncClient"/> with the per-service clients (<see cref="JobQueueClient"/>,
    /// <see cref="ScheduleClient"/>, <see cref="SyncStatusClient"/>, <see cref="ShopClient"/>,
    /// <see cref="ShopSyncHealthClient"/>, <see cref="AccessClient"/>) as singletons on them. An <see cref="IShopSyncCallCredentials"/>
    /// registered in DI is used when the options set none; the container's logger factory when they set none.
    /// </summary>
    public static IServiceCollection AddShopSyncClient(this IServiceCollection services, Action<ShopSyncClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ShopSyncClientOptions>()
            .Configure(configure)
            .Configure<IServiceProvider>((o, sp) => o.LoggerFactory ??= sp.GetService<ILoggerFactory>())
            .Validate(o => o.Address is not null, "ShopSyncClientOptions.Address is required (e.g. http://127.0.0.1:5000).");
        AddGrpcClient<JobQueueService.JobQueueServiceClient>(services);
        AddGrpcClient<ScheduleService.ScheduleServiceClient>(services);
        AddGrpcClient<SyncStatusService.SyncStatusServiceClient>(services);
        AddGrpcClient<ShopService.ShopServiceClient>(services);
        AddGrpcClient<HealthClient>(services);
        AddGrpcClient<AccessService.AccessServiceClient>(services);
        AddGrpcClient<AuditService.AuditServiceClient>(services);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ShopSyncClientOptions>>().Value;
            return new ShopSyncClient(
                options.Address!,
                new ShopSyncCalls(options, sp.GetService<IShopSyncCallCredentials>()),
                sp.GetRequiredService<JobQueueService.JobQueueServiceClient>(),
                sp.GetRequiredService<ScheduleService.ScheduleServiceClient>(),
                sp.GetRequiredService<SyncStatusService.SyncStatusServiceClient>(),
                sp.GetRequiredService<ShopService.ShopServiceClient>(),
                sp.GetRequiredService<HealthClient>(),
                sp.GetRequiredService<AccessService.AccessServiceClient>(),
                sp.GetRequiredService<AuditService.AuditServiceClient>(),
                channel: null);
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<ShopSyncClient>().Jobs);
        services.TryAddSingleton(sp => sp.GetRequiredService<ShopSyncClient>().Schedules);
        services.TryAddSingleton(sp => sp.GetRequiredService<ShopSyncClient>().Status);
        services.TryAddSingleton(sp => sp.GetRequiredService<ShopSyncClient>().Shops);
        services.TryAddSingleton(sp => sp.GetRequiredService<ShopSyncClient>().Health);
        services.TryAddSingleton(sp => sp.GetRequiredService<ShopSyncClient>().Access);
        return services;
    }

    private static void AddGrpcClient<TClient>(IServiceCollection services)
        where TClient : class =>
        services.AddGrpcClient<TClient>((sp, o) => o.Address = sp.GetRequiredService<IOptions<ShopSyncClientOptions>>().Value.Address)
            .ConfigureChannel((sp, channel) => ShopSyncChannel.Configure(channel, sp.GetRequiredService<IOptions<ShopSyncClientOptions>>().Value))
            .ConfigurePrimaryHttpMessageHandler(sp => ShopSyncChannel.CreateHandler(sp.GetRequiredService<IOptions<ShopSyncClientOptions>>().Value));
}
