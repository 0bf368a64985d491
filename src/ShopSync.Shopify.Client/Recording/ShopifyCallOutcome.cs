namespace ShopSync.Shopify.Client;

/// <summary>How a Shopify call ended.</summary>
public enum ShopifyCallOutcome
{
    /// <summary>Answered with data and no errors.</summary>
    Succeeded,

    /// <summary>Answered, but the mutation reported userErrors for some records.</summary>
    UserErrors,

    /// <summary>Top-level GraphQL errors (not THROTTLED).</summary>
    GraphQLErrors,

    /// <summary>401/403.</summary>
    AuthenticationFailed,

    /// <summary>Refused before sending: the shop is read-only.</summary>
    ReadOnlyRefused,

    /// <summary>Retries exhausted or a non-retryable HTTP status.</summary>
    Failed,

    /// <summary>The caller cancelled.</summary>
    Cancelled,
}
