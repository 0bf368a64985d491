using Microsoft.Extensions.Hosting;

namespace ShopSync.Grpc.Health;

/// <summary>Turns every health status NOT_SERVING as soon as the host begins to stop.</summary>
internal sealed class HealthShutdownNotifier(GrpcHealthRegistry registry, IHostApplicationLifetime lifetime) : IHostedService
{
    private CancellationTokenRegistration _registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = lifetime.ApplicationStopping.Register(registry.SetAllNotServing);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _registration.Dispose();
        return Task.CompletedTask;
    }
}
