using Microsoft.Extensions.Diagnostics.HealthChecks;
using ShopSync.Queue.Storage;

namespace ShopSync.Server.Health;

/// <summary>
/// The server is healthy when its store answers a query: a lookup of a job id no entry has, which goes through the
/// store's read path to the database. grpc.health.v1.Health reports it (SERVING / NOT_SERVING).
/// </summary>
internal sealed class StoreHealthCheck(IJobStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.GetAsync(Guid.Empty, cancellationToken);
            return HealthCheckResult.Healthy("The store answers queries.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The store does not answer queries.", e);
        }
    }
}
