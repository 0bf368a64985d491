using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Client;

/// <summary>Builds the GraphQL POST: <c>{base}/admin/api/{version}/graphql.json</c> with the token header.</summary>
internal static class ShopifyRequestBuilder
{
    public const string TokenHeader = "X-Shopify-Access-Token";

    public static Uri GraphQLUri(ShopifyShopConnection shop, string defaultVersion)
    {
        var baseText = shop.BaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var version = shop.ApiVersion ?? defaultVersion;
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"{baseText}/admin/api/{version}/graphql.json"));
    }

    public static HttpRequestMessage Build(Uri uri, ShopifyShopConnection shop, string operationName, string document, JsonObject? variables)
    {
        var buffer = new ArrayBufferWriter<byte>(document.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("query", document);
            writer.WriteString("operationName", operationName);
            writer.WritePropertyName("variables");
            if (variables is null)
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }
            else
            {
                variables.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.TryAddWithoutValidation(TokenHeader, shop.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    /// <summary>Reads Retry-After as seconds (Shopify sends e.g. "2.0") or an HTTP date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.TryGetValues("Retry-After", out var values))
        {
            var text = values.FirstOrDefault();
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return at > now ? at - now : TimeSpan.Zero;
            }
        }

        return null;
    }

    public static string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Request-Id", out var values) ? values.FirstOrDefault() : null;
}
