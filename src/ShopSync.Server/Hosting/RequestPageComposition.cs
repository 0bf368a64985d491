using ShopSync.Connector.RequestPages;
using ShopSync.Queue.Filters;
using ShopSync.Server.Jobs;

namespace ShopSync.Server.Hosting;

/// <summary>Registers the request pages: the catalog of every task's page, stored defaults, and the per-shop run policy.</summary>
internal static class RequestPageComposition
{
    /// <summary>Call after the sync tasks are registered or before: the catalog collects every page when first resolved.</summary>
    public static IServiceCollection AddRequestPages(this IServiceCollection services)
    {
        services.AddSingleton(DiagnosticsRequestPages.NoOp);
        services.AddSingleton(DiagnosticsRequestPages.Diagnostics);
        services.AddSingleton(sp => new RequestPageCatalog(sp.GetServices<RequestPageDefinition>()));
        services.AddSingleton<RequestPageDefaultsStore>();
        services.AddSingleton<ShopRunPolicy>();
        services.AddSingleton<RequestPageService>();
        return services;
    }
}
