using Microsoft.Extensions.Diagnostics.HealthChecks;
using ShopSync.Queue.Storage;

namespace ShopSync.Server.Health;

/// <summary>
/// The change feed between nodes (PostgreSQL): healthy while its connection listens; unhealthy while it reconnects
/// and the node polls the store instead (the node still works, with slower wake-ups from other nodes). Reported as
/// the health service <see cref="ServiceName"/> only, so a load balancer checking the server ("") is not affected.
/// One node on SQLite has no feed and needs none.
/// </summary>
internal sealed class ChangeFeedHealthCheck(IQueueFeed? feed = null) : IHealthCheck
{
    /// <summary>The registration name.</summary>
    public const string Name = "feed";

    /// <summary>The grpc.health.v1 service name that reports the feed.</summary>
    public const string ServiceName = "shopsync.v1.ChangeFeed";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (feed is null)
        {
            return Task.FromResult(HealthCheckResult.Healthy("One node: no change feed is needed."));
        }

        var health = feed.Health;
        return Task.FromResult(health.Listening ? HealthCheckResult.Healthy(health.Description) : HealthCheckResult.Unhealthy(health.Description));
    }
}
