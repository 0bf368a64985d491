using System.Text.Json;

namespace ShopSync.Shopify.Client;

/// <summary>Reads the envelope parts of a GraphQL answer with the source-generated metadata.</summary>
internal static class ShopifyResponseReader
{
    public static ShopifyQueryCost? ReadCost(JsonElement root) =>
        root.TryGetProperty("extensions", out var extensions)
        && extensions.ValueKind == JsonValueKind.Object
        && extensions.TryGetProperty("cost", out var cost)
        && cost.ValueKind == JsonValueKind.Object
            ? cost.Deserialize(ShopifyJsonContext.Default.ShopifyQueryCost)
            : null;

    public static IReadOnlyList<ShopifyGraphQLError> ReadErrors(JsonElement root) =>
        root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            ? errors.Deserialize(ShopifyJsonContext.Default.ListShopifyGraphQLError) ?? []
            : [];

    /// <summary>Summarises non-empty <c>userErrors</c>/<c>mediaUserErrors</c> of the mutation payloads; null when there are none.</summary>
    public static string? DescribeUserErrors(JsonElement data)
    {
        List<string>? messages = null;
        foreach (var payload in data.EnumerateObject())
        {
            if (payload.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var name in (ReadOnlySpan<string>)["userErrors", "mediaUserErrors"])
            {
                if (payload.Value.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var error in list.EnumerateArray())
                    {
                        if (error.TryGetProperty("message", out var message))
                        {
                            (messages ??= []).Add(message.GetString() ?? "?");
                        }
                    }
                }
            }
        }

        return messages is null ? null : string.Join("; ", messages);
    }
}
