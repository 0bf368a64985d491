using Microsoft.Extensions.DependencyInjection;
using ShopSync.Queue.Handlers;

namespace ShopSync.Server.Tests.Sync;

/// <summary>
/// Wraps every report handler of a server composition (<see cref="Wrap"/>) and records, in real time and without
/// a clock, which runs started in which order and how many were running at once.
/// </summary>
internal sealed class RunProbe
{
    private readonly Lock _gate = new();
    private readonly List<(int ReportId, string ShopCode)> _started = [];
    private int _running;
    private int _maxRunning;

    /// <summary>Runs in the order they started.</summary>
    public IReadOnlyList<(int ReportId, string ShopCode)> Started
    {
        get
        {
            lock (_gate)
            {
                return [.. _started];
            }
        }
    }

    /// <summary>The most runs that were in a handler at the same moment.</summary>
    public int MaxRunning
    {
        get
        {
            lock (_gate)
            {
                return _maxRunning;
            }
        }
    }

    /// <summary>Replaces each <see cref="IReportHandler"/> registration with one that reports to this probe.</summary>
    public void Wrap(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(IReportHandler) || descriptor.IsKeyedService)
            {
                continue;
            }
            Func<IServiceProvider, IReportHandler> inner = descriptor switch
            {
                { ImplementationInstance: IReportHandler instance } => _ => instance,
                { ImplementationFactory: { } factory } => sp => (IReportHandler)factory(sp),
                _ => sp => (IReportHandler)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!),
            };
            services[i] = ServiceDescriptor.Singleton<IReportHandler>(sp => new ProbedReportHandler(inner(sp), this));
        }
    }

    public void Enter(int reportId, string shopCode)
    {
        lock (_gate)
        {
            _started.Add((reportId, shopCode));
            _maxRunning = Math.Max(_maxRunning, ++_running);
        }
    }

    public void Leave()
    {
        lock (_gate)
        {
            _running--;
        }
    }
}
