using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShopSync.Grpc.Health;
using ShopSync.Grpc.Reflection;
using ShopSync.Grpc.Server.Internal;

namespace ShopSync.Grpc.Server;

/// <summary>Registers ShopSync's gRPC server.</summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>Adds the gRPC server (routing, options, health registry, reflection); then map services with <c>MapGrpcService</c>.</summary>
    public static IServiceCollection AddShopSyncGrpc(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRouting();
        services.AddOptions<GrpcServerOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }
        services.TryAddSingleton<GrpcServiceRegistry>();
        services.TryAddSingleton<GrpcHealthRegistry>();
        services.TryAddSingleton<HealthService>();
        services.TryAddSingleton<ReflectionServiceV1>();
        services.TryAddSingleton<ReflectionServiceV1Alpha>();
        services.TryAddSingleton<ReflectionCatalog>();
        services.TryAddSingleton<ReflectionAnswers>();
        services.AddHostedService<HealthShutdownNotifier>();
        return services;
    }
}
