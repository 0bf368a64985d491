using ShopSync.Connector.Webhooks;

namespace ShopSync.Server.Webhooks;

/// <summary>Registers what an accepted order webhook does: queue an order sync for its shop.</summary>
internal static class WebhookComposition
{
    public static IServiceCollection AddOrderSyncWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<IOrderSyncTrigger, QueueOrderSyncTrigger>();
        return services;
    }
}
