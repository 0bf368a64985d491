using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ShopSync.Connector.Status;

/// <summary>Registers the connector side of the sync status.</summary>
public static class StatusServiceCollectionExtensions
{
    /// <summary>Cue counts, drill-downs and thresholds over the connector database (call after <c>AddShopSyncShops</c>).</summary>
    public static IServiceCollection AddConnectorStatus(this IServiceCollection services)
    {
        services.TryAddSingleton<ConnectorCueCounter>();
        services.TryAddSingleton<ConnectorCueRecords>();
        services.TryAddSingleton<CueThresholdStore>();
        return services;
    }
}
