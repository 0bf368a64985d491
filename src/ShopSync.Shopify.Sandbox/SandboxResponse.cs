using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Sandbox;

/// <summary>What the sandbox answers to one HTTP request.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Body">JSON body, or null for none.</param>
/// <param name="RetryAfterSeconds">Retry-After header value, when set.</param>
/// <param name="RequestId">X-Request-Id header value.</param>
/// <param name="Abort">True to drop the connection without an answer.</param>
internal sealed record SandboxResponse(int Status, JsonObject? Body, double? RetryAfterSeconds, string RequestId, bool Abort = false);
