namespace ShopSync.Shopify.Sandbox;

/// <summary>Kinds of injected failures.</summary>
public enum SandboxFaultKind
{
    /// <summary>HTTP 429 with <c>Retry-After</c>.</summary>
    TooManyRequests,

    /// <summary>HTTP 500.</summary>
    InternalServerError,

    /// <summary>HTTP 503.</summary>
    ServiceUnavailable,

    /// <summary>HTTP 200 with a THROTTLED error, exactly like an exhausted bucket.</summary>
    Throttled,

    /// <summary>The connection is aborted without an answer (a network error).</summary>
    Disconnect,
}

/// <summary>A failure the next request(s) will answer with.</summary>
/// <param name="Kind">What to answer.</param>
/// <param name="RetryAfterSeconds">Value of <c>Retry-After</c> for <see cref="SandboxFaultKind.TooManyRequests"/>.</param>
public sealed record SandboxFault(SandboxFaultKind Kind, double RetryAfterSeconds = 1.0);

/// <summary>One request the store received (for tests asserting what ShopSync sent).</summary>
/// <param name="OperationName">The operation name, or null when the request could not be read.</param>
/// <param name="IsMutation">True for mutations.</param>
/// <param name="Status">HTTP status answered.</param>
/// <param name="Outcome">ok, THROTTLED, fault:…, unauthorized, error.</param>
/// <param name="RequestedCost">Calculated requested cost (0 when not computed).</param>
/// <param name="ReceivedAt">Arrival time on the sandbox clock.</param>
/// <param name="RequestId">The X-Request-Id answered.</param>
public sealed record SandboxRequest(string? OperationName, bool IsMutation, int Status, string Outcome, int RequestedCost, DateTimeOffset ReceivedAt, string RequestId);
