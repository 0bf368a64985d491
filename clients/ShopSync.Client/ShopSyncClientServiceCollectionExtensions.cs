using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopSync.Client;
using ShopSync.Client.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the ShopSync client.</summary>
public static class ShopSyncClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ShopSyncClient"/> and the per-service clients (<see cref="JobQueueClient"/>,
    /// <see cref="ScheduleClient"/>, <see cref="SyncStatusClient"/>, <see cref="ShopClient"/>,
    /// <see cref="ShopSyncHealthClient"/>) as singletons sharing one channel. An <see cref="IShopSyncCallCredentials"/>
    /// registered in DI is used when the options set none; the container's logger factory when they set none.
    /// </summary>
    public static IServiceCollection AddShopSyncClient(this IServiceCollection services, Action<ShopSyncClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ShopSyncClientOptions>()
            .Configure(configure)
            .Validate(o => o.Address is not null, "ShopSyncClientOptions.Address is required (e.g. http://127.0.0.1:5000).");
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ShopSyncClientOptions>>().Value;
            options.LoggerFactory ??= sp.GetService<ILoggerFactory>();
            return new ShopSyncClient(new ShopSyncInvoker(options, sp.GetService<IShopSyncCallCredentials>()));
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<ShopSyncClient>().Jobs);
        services.TryAddSingleton(sp => sp.GetRequiredService<ShopSyncClient>().Schedules);
        services.TryAddSingleton(sp => sp.GetRequiredService<ShopSyncClient>().Status);
        services.TryAddSingleton(sp => sp.GetRequiredService<ShopSyncClient>().Shops);
        services.TryAddSingleton(sp => sp.GetRequiredService<ShopSyncClient>().Health);
        return services;
    }
}
