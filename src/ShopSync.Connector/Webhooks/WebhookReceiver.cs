using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Shops;

namespace ShopSync.Connector.Webhooks;

/// <summary>
/// Verifies, deduplicates and acts on Shopify order webhooks. A webhook is only a trigger: it queues a
/// Sync Orders pull (coalesced with a pending one), so it is answered in milliseconds and nothing in its
/// body needs to be trusted or ordered. Both guards hold across nodes sharing one database: a delivery is recorded
/// by one atomic insert on its id, so the same webhook reaching two nodes queues once; and the trigger runs under the
/// database's per-shop lock (<see cref="IConnectorDatabase.LockAsync"/>), so a burst for one shop spread over several
/// nodes joins one pending sync instead of queueing one per node.
/// </summary>
public sealed partial class WebhookReceiver(
    IShopRegistry shops,
    IShopSecrets secrets,
    IOrderSyncTrigger trigger,
    IDbContextFactory<ConnectorDbContext> contexts,
    IConnectorDatabase database,
    TimeProvider time,
    ILogger<WebhookReceiver> logger)
{
    private static readonly HashSet<string> OrderTopics = new(StringComparer.OrdinalIgnoreCase)
    {
        "orders/create", "orders/updated", "orders/paid", "orders/cancelled", "orders/fulfilled", "orders/partially_fulfilled",
    };

    public async Task<WebhookOutcome> ReceiveAsync(
        string shopCode, string? topic, string? webhookId, string? hmac, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (await shops.FindAsync(shopCode, cancellationToken) is not { } shop)
        {
            return new WebhookOutcome(WebhookOutcomeKind.UnknownShop, $"shop \"{ShopSync.Queue.Entries.RequestLimits.Quote(shopCode)}\" does not exist");
        }
        var secret = await secrets.GetWebhookSecretAsync(shop.Code, cancellationToken);
        if (secret is null || !WebhookSignature.IsValid(secret, body.Span, hmac))
        {
            LogRejected(logger, shop.Code, topic ?? "");
            return new WebhookOutcome(WebhookOutcomeKind.Unauthorized, "invalid X-Shopify-Hmac-Sha256 signature");
        }
        if (string.IsNullOrWhiteSpace(topic) || string.IsNullOrWhiteSpace(webhookId))
        {
            return new WebhookOutcome(WebhookOutcomeKind.BadRequest, "X-Shopify-Topic and X-Shopify-Webhook-Id are required");
        }
        if (!OrderTopics.Contains(topic))
        {
            return new WebhookOutcome(WebhookOutcomeKind.IgnoredTopic, $"topic \"{topic}\" is not acted on");
        }
        if (!await TryRecordDeliveryAsync(shop.Code, topic, webhookId, cancellationToken))
        {
            LogDuplicate(logger, shop.Code, webhookId);
            return new WebhookOutcome(WebhookOutcomeKind.Duplicate, "delivery already handled");
        }

        OrderSyncTriggerResult result;
        try
        {
            await using var shopLock = await database.LockAsync("webhook-orders:" + shop.Code.ToUpperInvariant(), cancellationToken);
            result = await trigger.TriggerAsync(shop.Code, $"webhook {topic}", cancellationToken);
        }
        catch
        {
            // Forget the delivery so Shopify's retry of it is not mistaken for a duplicate.
            await ForgetDeliveryAsync(webhookId, CancellationToken.None);
            throw;
        }
        LogAccepted(logger, shop.Code, topic, result.JobId, result.Coalesced);
        return new WebhookOutcome(WebhookOutcomeKind.Accepted, result.Coalesced ? "covered by a pending sync" : "sync queued", result.JobId, result.Coalesced);
    }

    private async Task<bool> TryRecordDeliveryAsync(string shopCode, string topic, string webhookId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One atomic statement (SQLite and PostgreSQL both know ON CONFLICT): a repeated delivery inserts
        // nothing, so concurrent retries of one webhook cannot both pass, and no failed insert is logged.
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO webhook_deliveries ("WebhookId", "ShopCode", "Topic", "ReceivedAtTicks")
            VALUES ({webhookId.Trim()}, {shopCode}, {topic}, {time.GetUtcNow().UtcTicks})
            ON CONFLICT ("WebhookId") DO NOTHING
            """,
            cancellationToken);
        return inserted == 1;
    }

    private async Task ForgetDeliveryAsync(string webhookId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<WebhookDeliveryEntity>().Where(d => d.WebhookId == webhookId.Trim()).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 6001, EventName = "WebhookRejected", Level = LogLevel.Warning, Message = "Rejected a webhook for shop {Shop} (topic {Topic}): bad signature")]
    private static partial void LogRejected(ILogger logger, string shop, string topic);

    [LoggerMessage(EventId = 6002, EventName = "WebhookDuplicate", Level = LogLevel.Debug, Message = "Dropped duplicate webhook {WebhookId} for shop {Shop}")]
    private static partial void LogDuplicate(ILogger logger, string shop, string webhookId);

    [LoggerMessage(EventId = 6003, EventName = "WebhookAccepted", Level = LogLevel.Information, Message = "Webhook {Topic} for shop {Shop}: job {JobId} (coalesced: {Coalesced})")]
    private static partial void LogAccepted(ILogger logger, string shop, string topic, string jobId, bool coalesced);
}
