using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ShopSync.Connector.Webhooks;

namespace ShopSync.Server.Tests.Webhooks;

/// <summary>Posts Shopify-style webhooks over HTTP/2 with prior knowledge (the cleartext endpoint is HTTP/2 only).</summary>
internal sealed class WebhookClient(Uri server) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { EnableMultipleHttp2Connections = true })
    {
        BaseAddress = server,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task<WebhookReply> PostAsync(string shop, string secret, string webhookId, string topic = "orders/create", string? signature = null)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"id":{{Math.Abs(webhookId.GetHashCode(StringComparison.Ordinal))}},"name":"#1001","financial_status":"paid"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/shopify/{shop}")
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Shopify-Topic", topic);
        request.Headers.Add("X-Shopify-Webhook-Id", webhookId);
        request.Headers.Add("X-Shopify-Shop-Domain", $"{shop}.myshopify.com");
        request.Headers.Add("X-Shopify-Hmac-Sha256", signature ?? WebhookSignature.Compute(secret, body));
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpVersion.Version20, response.Version);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new WebhookReply(
            response.StatusCode,
            json.GetProperty("outcome").GetString() ?? "",
            json.TryGetProperty("job_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null);
    }

    public void Dispose() => _http.Dispose();
}

internal sealed record WebhookReply(HttpStatusCode Status, string Outcome, string? JobId);
