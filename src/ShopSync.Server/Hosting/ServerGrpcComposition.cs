using ShopSync.Grpc.Server;
using ShopSync.Server.Erp;
using ShopSync.Server.Grpc;
using ShopSync.Server.Jobs;
using ShopSync.Server.Shops;

namespace ShopSync.Server.Hosting;

/// <summary>Registers the gRPC stack and the services that are not registered with their own feature.</summary>
internal static class ServerGrpcComposition
{
    public static IServiceCollection AddServerGrpc(this IServiceCollection services)
    {
        services.AddShopSyncGrpc(o => o.Interceptors.Add(new DomainErrorInterceptor()));
        services.AddSingleton<JobQueueGrpcService>();
        services.AddSingleton<ShopGrpcService>();
        services.AddSingleton<ErpBookGrpcService>();
        return services;
    }
}
