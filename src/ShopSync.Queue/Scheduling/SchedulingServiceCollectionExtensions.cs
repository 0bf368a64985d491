using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Handlers;

namespace ShopSync.Queue.Scheduling;

/// <summary>Registers recurring schedules.</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ScheduleManager"/> and the runner (a hosted service; register it after
    /// <c>AddShopSyncQueue</c> so that it stops before the dispatcher). A store must be registered too
    /// (e.g. <c>AddShopSyncSqliteSchedules</c>). Bind options with
    /// <paramref name="configure"/>; they are validated at start (<see cref="SchedulerOptionsValidator"/>).
    /// </summary>
    public static IServiceCollection AddShopSyncScheduling(this IServiceCollection services, Action<SchedulerOptions>? configure = null)
    {
        var builder = services.AddOptions<SchedulerOptions>().ValidateOnStart();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ScheduleSignal>();
        services.TryAddSingleton(sp => new OccurrenceEntries(sp.GetRequiredService<IJobQueue>(), sp.GetRequiredService<ILogger<OccurrenceEntries>>()));
        services.TryAddSingleton(sp => new ScheduleManager(
            sp.GetRequiredService<IScheduleStore>(),
            sp.GetRequiredService<IReportCatalog>(),
            sp.GetRequiredService<OccurrenceEntries>(),
            sp.GetRequiredService<ScheduleSignal>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ScheduleRunner>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Retention.IRetainedEntries, ScheduleRetainedEntries>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<IOptions<SchedulerOptions>>().Value.Enabled
            ? sp.GetRequiredService<ScheduleRunner>()
            : new DisabledRunner());
        return services;
    }

    private sealed class DisabledRunner : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
