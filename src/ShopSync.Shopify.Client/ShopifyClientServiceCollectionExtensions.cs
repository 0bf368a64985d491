using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ShopSync.Shopify.Client;

/// <summary>Registration of the Shopify client.</summary>
public static class ShopifyClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IShopifyClientFactory"/>, the singleton <see cref="ShopifyRateLimitRegistry"/>
    /// (one budget per store for the whole server), the HttpClient, <see cref="TimeProvider.System"/> unless
    /// one is registered, and <see cref="InMemoryShopifyCallRecorder"/> as <see cref="IShopifyCallRecorder"/>
    /// unless another recorder is registered.
    /// </summary>
    public static IServiceCollection AddShopifyClient(this IServiceCollection services, Action<ShopifyClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ShopifyClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InMemoryShopifyCallRecorder>();
        services.TryAddSingleton<IShopifyCallRecorder>(sp => sp.GetRequiredService<InMemoryShopifyCallRecorder>());
        services.TryAddSingleton<ShopifyRateLimitRegistry>();
        services.TryAddSingleton<ShopifyGraphQLTransport>();
        services.TryAddSingleton<IShopifyClientFactory, ShopifyClientFactory>();

        // Retries are ours (they share the cost budget); header values are never logged, so the token cannot leak.
        services.AddHttpClient(ShopifyGraphQLTransport.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(_ => true);
        return services;
    }
}
