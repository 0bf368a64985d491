namespace ShopSync.Connector.Retention;

/// <summary>How long the connector keeps its diagnostics rows (configuration section <c>Shopify:Retention</c>).</summary>
public sealed class ConnectorRetentionOptions
{
    /// <summary>The configuration section the host binds.</summary>
    public const string SectionName = "Shopify:Retention";

    /// <summary>Recorded Shopify calls that succeeded are deleted this long after they started.</summary>
    public TimeSpan Calls { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Failed calls feed the API Errors cue, so they stay longer: this long after they started (at least
    /// <see cref="Calls"/>).
    /// </summary>
    public TimeSpan FailedCalls { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// A webhook delivery's id is kept this long to drop Shopify's repeated deliveries of it (Shopify retries a failed
    /// delivery for up to 48 hours).
    /// </summary>
    public TimeSpan WebhookDeliveries { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Rows per delete: each batch is one short write.</summary>
    public int BatchSize { get; set; } = 500;
}
