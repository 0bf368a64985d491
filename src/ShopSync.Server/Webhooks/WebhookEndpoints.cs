using Microsoft.AspNetCore.Http.Features;
using ShopSync.Connector.Webhooks;

namespace ShopSync.Server.Webhooks;

/// <summary><c>POST /webhooks/shopify/{shop}</c>: Shopify order webhooks, answered within milliseconds.</summary>
internal static class WebhookEndpoints
{
    /// <summary>Shopify's order payloads are far below this; a larger body is refused unread.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapShopifyWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/webhooks/shopify/{shop}", ReceiveAsync);
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(string shop, HttpContext http, WebhookReceiver receiver, Telemetry.ConnectorMetrics metrics)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return TooLarge(shop, metrics);
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }
        using var body = new MemoryStream();
        try
        {
            // The signature covers the exact bytes, so the body is read raw, never re-serialised.
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(shop, metrics);
        }
        var headers = http.Request.Headers;
        var outcome = await receiver.ReceiveAsync(
            shop,
            headers["X-Shopify-Topic"].ToString(),
            headers["X-Shopify-Webhook-Id"].ToString(),
            headers["X-Shopify-Hmac-Sha256"].ToString(),
            body.GetBuffer().AsMemory(0, (int)body.Length),
            http.RequestAborted);
        metrics.Webhook(outcome.Kind, shop);
        var payload = new { outcome = outcome.Kind.ToString(), message = outcome.Message, job_id = outcome.JobId, coalesced = outcome.Coalesced };
        return outcome.Kind switch
        {
            WebhookOutcomeKind.Accepted or WebhookOutcomeKind.Duplicate or WebhookOutcomeKind.IgnoredTopic => Results.Ok(payload),
            WebhookOutcomeKind.Unauthorized => Results.Json(payload, statusCode: StatusCodes.Status401Unauthorized),
            WebhookOutcomeKind.UnknownShop => Results.Json(payload, statusCode: StatusCodes.Status404NotFound),
            _ => Results.Json(payload, statusCode: StatusCodes.Status400BadRequest),
        };
    }

    /// <summary>A body over the limit (by Content-Length, or found while reading a chunked one): 413, counted as too_large.</summary>
    private static IResult TooLarge(string shop, Telemetry.ConnectorMetrics metrics)
    {
        metrics.Webhook(WebhookOutcomeKind.TooLarge, shop);
        var payload = new { outcome = WebhookOutcomeKind.TooLarge.ToString(), message = $"body larger than {MaxBodyBytes} bytes" };
        return Results.Json(payload, statusCode: StatusCodes.Status413PayloadTooLarge);
    }
}
