using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShopSync.Connector.Persistence;
using ShopSync.Queue.Retention;

namespace ShopSync.Connector.Retention;

/// <summary>
/// Ages out recorded Shopify calls (<c>shopify_api_calls</c>): succeeded ones past
/// <see cref="ConnectorRetentionOptions.Calls"/>, failed ones (the API Errors cue lists them) past
/// <see cref="ConnectorRetentionOptions.FailedCalls"/>.
/// </summary>
internal sealed class ShopifyCallRetention(
    IDbContextFactory<ConnectorDbContext> contexts, TimeProvider time, IOptions<ConnectorRetentionOptions> options) : IRetentionPart
{
    public string Kind => "shopify_calls";

    public string Name => "recorded Shopify calls";

    public Task<RetentionPartResult> SweepAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var calls = now - settings.Calls;
        var failed = now - settings.FailedCalls;
        var size = settings.BatchSize;
        return BatchedDelete.RunAsync(Name, size, budget, time, async ct =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
            return await db.ShopifyApiCalls
                .Where(c => c.StartedAt < failed || (!c.Failed && c.StartedAt < calls))
                .OrderBy(c => c.Id)
                .Take(size)
                .ExecuteDeleteAsync(ct).ConfigureAwait(false);
        }, cancellationToken);
    }
}
