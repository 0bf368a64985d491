using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ShopSync.Connector.Persistence;
using ShopSync.Queue.Retention;

namespace ShopSync.Connector.Retention;

/// <summary>Registers the connector's parts of the retention sweep.</summary>
public static class ConnectorRetentionServiceCollectionExtensions
{
    /// <summary>
    /// Adds recorded Shopify calls and webhook dedupe rows to the queue's retention sweep (they age out under its
    /// lease, schedule and time bound). Needs <c>AddShopSyncShops</c>. Settings are validated at start.
    /// </summary>
    public static IServiceCollection AddConnectorRetention(this IServiceCollection services, Action<ConnectorRetentionOptions>? configure = null)
    {
        var builder = services.AddOptions<ConnectorRetentionOptions>().ValidateOnStart();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorRetentionOptions>, ConnectorRetentionOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRetentionPart, ShopifyCallRetention>(sp => new ShopifyCallRetention(
            sp.GetRequiredService<IDbContextFactory<ConnectorDbContext>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ConnectorRetentionOptions>>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRetentionPart, WebhookDeliveryRetention>(sp => new WebhookDeliveryRetention(
            sp.GetRequiredService<IDbContextFactory<ConnectorDbContext>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ConnectorRetentionOptions>>())));
        return services;
    }
}
