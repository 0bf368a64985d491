using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopSync.Queue;
using ShopSync.Queue.Filters;
using ShopSync.Shopify.Client;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ShopSync.Connector.Sync;

/// <summary>Registration of the Shopify sync tasks, their request pages, the ERP book and the persistent API call log.</summary>
public static class SyncServiceCollectionExtensions
{
    /// <summary>
    /// Registers every sync task (report handler) with its request page (as a <see cref="RequestPageDefinition"/>
    /// singleton), <see cref="ErpBook"/>, and the Shopify client with <see cref="PersistentShopifyCallRecorder"/> as its
    /// recorder. Needs <c>AddShopSyncShops</c> and <c>AddShopSyncQueue</c>.
    /// </summary>
    public static IServiceCollection AddShopSyncTasks(this IServiceCollection services, Action<SyncOptions>? configure = null, Action<ShopifyClientOptions>? client = null)
    {
        var builder = services.AddOptions<SyncOptions>().ValidateOnStart();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>());
        services.TryAddSingleton(sp => new PersistentShopifyCallRecorder(
            sp.GetRequiredService<IDbContextFactory<ConnectorDbContext>>(), sp.GetRequiredService<ILogger<PersistentShopifyCallRecorder>>()));
        services.TryAddSingleton<IShopifyCallRecorder>(sp => sp.GetRequiredService<PersistentShopifyCallRecorder>());
        services.AddHostedService(sp => sp.GetRequiredService<PersistentShopifyCallRecorder>());
        services.AddShopifyClient(client);
        services.TryAddSingleton<SyncSessionFactory>();
        services.TryAddSingleton(sp => new ErpBook(sp.GetRequiredService<IDbContextFactory<ConnectorDbContext>>(), sp.GetRequiredService<TimeProvider>()));

        services.AddReportHandler<SyncOrdersHandler>().AddSingleton(SyncOrdersHandler.Page);
        services.AddReportHandler<CreateSalesOrdersHandler>().AddSingleton(CreateSalesOrdersHandler.Page);
        services.AddReportHandler<SyncCustomersHandler>().AddSingleton(SyncCustomersHandler.Page);
        services.AddReportHandler<SyncCompaniesHandler>().AddSingleton(SyncCompaniesHandler.Page);
        services.AddReportHandler<SyncProductsHandler>().AddSingleton(SyncProductsHandler.Page);
        services.AddReportHandler<SyncInventoryHandler>().AddSingleton(SyncInventoryHandler.Page);
        services.AddReportHandler<SyncImagesHandler>().AddSingleton(SyncImagesHandler.Page);
        services.AddReportHandler<SyncShipmentsHandler>().AddSingleton(SyncShipmentsHandler.Page);
        services.AddReportHandler<BatchPostSalesOrdersHandler>().AddSingleton(BatchPostSalesOrdersHandler.Page);
        services.AddReportHandler<BatchPostSalesInvoicesHandler>().AddSingleton(BatchPostSalesInvoicesHandler.Page);
        services.AddReportHandler<SyncPaymentsHandler>().AddSingleton(SyncPaymentsHandler.Page);
        services.AddReportHandler<SyncDisputesHandler>().AddSingleton(SyncDisputesHandler.Page);
        services.AddReportHandler<SyncCatalogsHandler>().AddSingleton(SyncCatalogsHandler.Page);
        services.AddReportHandler<SyncCatalogPricesHandler>().AddSingleton(SyncCatalogPricesHandler.Page);
        return services;
    }
}
