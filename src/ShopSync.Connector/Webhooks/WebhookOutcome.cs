namespace ShopSync.Connector.Webhooks;

public enum WebhookOutcomeKind
{
    /// <summary>A Sync Orders entry was queued, or a pending one covers it.</summary>
    Accepted,

    /// <summary>The same delivery (X-Shopify-Webhook-Id) was handled before.</summary>
    Duplicate,

    /// <summary>A topic ShopSync does not act on; acknowledged so Shopify does not retry.</summary>
    IgnoredTopic,

    /// <summary>Missing or wrong signature, or the shop has no webhook secret.</summary>
    Unauthorized,

    UnknownShop,

    /// <summary>Required headers are missing.</summary>
    BadRequest,

    /// <summary>The body is over the size limit; refused (413) before it is read whole or its signature checked.</summary>
    TooLarge,
}

public sealed record WebhookOutcome(WebhookOutcomeKind Kind, string Message, string? JobId = null, bool Coalesced = false);
