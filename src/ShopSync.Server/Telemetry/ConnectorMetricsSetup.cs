using System.Diagnostics.Metrics;
using ShopSync.Shopify.Client;

namespace ShopSync.Server.Telemetry;

/// <summary>Registers <see cref="ConnectorMetrics"/> and puts <see cref="MeteringCallRecorder"/> in front of the registered call recorder.</summary>
internal static class ConnectorMetricsSetup
{
    public static IServiceCollection AddConnectorMetrics(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ConnectorMetrics(sp.GetRequiredService<ShopifyRateLimitRegistry>(), sp.GetService<IMeterFactory>()));
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IShopifyCallRecorder))
            ?? throw new InvalidOperationException("Register the Shopify client (AddShopSyncTasks) before AddConnectorMetrics.");
        services.Remove(registered);
        services.AddSingleton<IShopifyCallRecorder>(sp => new MeteringCallRecorder(Inner(sp, registered), sp.GetRequiredService<ConnectorMetrics>()));
        return services;
    }

    private static IShopifyCallRecorder Inner(IServiceProvider services, ServiceDescriptor registered) => (IShopifyCallRecorder)(
        registered.ImplementationInstance
        ?? registered.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, registered.ImplementationType!));
}
