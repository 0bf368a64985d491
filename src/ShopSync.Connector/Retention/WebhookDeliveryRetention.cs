using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Webhooks;
using ShopSync.Queue.Retention;

namespace ShopSync.Connector.Retention;

/// <summary>
/// Ages out webhook dedupe rows (<c>webhook_deliveries</c>) past <see cref="ConnectorRetentionOptions.WebhookDeliveries"/>,
/// when Shopify no longer retries the delivery they stand for.
/// </summary>
internal sealed class WebhookDeliveryRetention(
    IDbContextFactory<ConnectorDbContext> contexts, TimeProvider time, IOptions<ConnectorRetentionOptions> options) : IRetentionPart
{
    public string Kind => "webhook_deliveries";

    public string Name => "webhook deliveries";

    public Task<RetentionPartResult> SweepAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var cutoff = (time.GetUtcNow() - settings.WebhookDeliveries).UtcTicks;
        var size = settings.BatchSize;
        return BatchedDelete.RunAsync(Name, size, budget, time, async ct =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
            return await db.Set<WebhookDeliveryEntity>()
                .Where(d => d.ReceivedAtTicks < cutoff)
                .OrderBy(d => d.ReceivedAtTicks)
                .Take(size)
                .ExecuteDeleteAsync(ct).ConfigureAwait(false);
        }, cancellationToken);
    }
}
