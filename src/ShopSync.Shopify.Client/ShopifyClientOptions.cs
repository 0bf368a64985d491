namespace ShopSync.Shopify.Client;

/// <summary>Options of the Shopify Admin GraphQL client (bind from configuration section <c>Shopify:Client</c>).</summary>
public sealed class ShopifyClientOptions
{
    /// <summary>Admin API version used when a connection does not name one.</summary>
    public string ApiVersion { get; set; } = "2025-01";

    /// <summary>Attempts per call, first one included (THROTTLED, 429, 5xx and network errors are retried).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First backoff delay; doubled per attempt, with jitter.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of one backoff delay.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound applied to a server's <c>Retry-After</c>.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one HTTP attempt (a timed-out attempt is retried like a network error).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Bucket size assumed until the store's first response tells the real one.</summary>
    public double DefaultMaximumAvailable { get; set; } = 1000;

    /// <summary>Restore rate (points per second) assumed until the first response.</summary>
    public double DefaultRestoreRate { get; set; } = 50;

    /// <summary>Cost assumed for a query never seen before (mutations assume 10).</summary>
    public int DefaultQueryCostEstimate { get; set; } = 50;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ApiVersion))
        {
            throw new ArgumentException("ShopifyClientOptions.ApiVersion must not be empty.", nameof(ApiVersion));
        }

        if (MaxAttempts is < 1 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "ShopifyClientOptions.MaxAttempts must be 1..20.");
        }

        if (DefaultMaximumAvailable <= 0 || DefaultRestoreRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultRestoreRate), "ShopifyClientOptions default bucket figures must be positive.");
        }
    }
}
