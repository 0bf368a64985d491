using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Diagnostics;
using ShopSync.Queue.Dispatching;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Handlers;

namespace ShopSync.Queue;

/// <summary>Registers the job queue engine.</summary>
public static class QueueServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IJobQueue"/>, <see cref="IReportCatalog"/> and the dispatcher (a hosted service). Bind
    /// options from configuration with <paramref name="configure"/> (e.g. <c>o =&gt; section.Bind(o)</c>); they are
    /// validated at start (<see cref="QueueOptionsValidator"/>).
    /// A store must be registered too (e.g. <c>AddShopSyncSqliteStore</c>).
    /// </summary>
    public static IServiceCollection AddShopSyncQueue(this IServiceCollection services, Action<QueueOptions>? configure = null)
    {
        var builder = services.AddOptions<QueueOptions>().ValidateOnStart();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QueueOptions>, QueueOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NodeIdentity>();
        services.TryAddSingleton<JobEventHub>();
        services.TryAddSingleton<ProgressFlusher>();
        services.TryAddSingleton<EnqueueValidator>();
        services.TryAddSingleton<IReportCatalog>(sp => new ReportCatalog(HandlersOf(sp)));
        services.TryAddSingleton<Dispatcher>();
        services.AddOptions<Retention.RetentionOptions>();
        services.TryAddSingleton<Telemetry.QueueStatistics>();
        services.TryAddSingleton(sp => new Telemetry.QueueMetrics(
            sp.GetRequiredService<Telemetry.QueueStatistics>(), sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<Retention.JobPurger>();
        services.TryAddSingleton(sp => new Retention.RetentionSweeper(
            sp.GetRequiredService<Retention.JobPurger>(),
            sp.GetRequiredService<Storage.ISweepLeases>(),
            sp.GetServices<Retention.IRetentionPart>(),
            sp.GetRequiredService<NodeIdentity>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Telemetry.QueueMetrics>(),
            sp.GetRequiredService<IOptions<Retention.RetentionOptions>>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Retention.RetentionSweeper>>()));
        services.TryAddSingleton<IJobQueue, JobQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<Dispatcher>());
        return services;
    }

    /// <summary>Registers a report handler (singleton); its runs get a service scope in <see cref="ReportContext.Services"/>.</summary>
    public static IServiceCollection AddReportHandler<THandler>(this IServiceCollection services)
        where THandler : class, IReportHandler
    {
        services.AddSingleton<IReportHandler, THandler>();
        return services;
    }

    private static IEnumerable<IReportHandler> HandlersOf(IServiceProvider services)
    {
        var handlers = services.GetServices<IReportHandler>().ToList();
        if (services.GetRequiredService<IOptions<QueueOptions>>().Value.EnableDiagnosticsTasks)
        {
            handlers.Add(new NoOpReportHandler());
            handlers.Add(new DiagnosticsReportHandler());
        }

        return handlers;
    }
}
