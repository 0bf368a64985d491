using System.Globalization;
using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Sandbox;

/// <summary>Helpers shared by the mutation resolvers: arguments, userErrors, payloads.</summary>
internal sealed class SandboxMutationContext(SandboxData data, DateTimeOffset now, Func<string, JsonNode?> argument)
{
    public SandboxData Data { get; } = data;

    public DateTimeOffset Now { get; } = now;

    public string NowText => SandboxData.Timestamp(Now);

    public JsonArray UserErrors { get; } = [];

    public JsonNode? Argument(string name) => argument(name);

    public JsonObject ObjectArgument(string name) => argument(name) as JsonObject ?? [];

    public void Error(string message, string? code, params object[] path)
    {
        var field = new JsonArray(path.Select(p => (JsonNode?)JsonValue.Create(Convert.ToString(p, CultureInfo.InvariantCulture))).ToArray());
        UserErrors.Add(new JsonObject { ["field"] = field, ["message"] = message, ["code"] = code });
    }

    public Dictionary<string, object?> Payload(string errorsField = "userErrors", params (string Key, object? Value)[] values)
    {
        var payload = new Dictionary<string, object?>(StringComparer.Ordinal) { [errorsField] = UserErrors };
        foreach (var (key, value) in values)
        {
            payload[key] = value;
        }

        return payload;
    }

    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static int? Int(JsonNode? node) =>
        node is JsonValue v ? (v.TryGetValue<long>(out var l) ? (int)l : v.TryGetValue<double>(out var d) ? (int)d : v.TryGetValue<string>(out var s) && int.TryParse(s, CultureInfo.InvariantCulture, out var p) ? p : null) : null;

    public static decimal? Decimal(JsonNode? node) =>
        node is JsonValue v ? (v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? p
            : v.TryGetValue<double>(out var d) ? (decimal)d : v.TryGetValue<long>(out var l) ? l : null) : null;

    public static IEnumerable<(int Index, JsonObject Item)> Items(JsonNode? list) =>
        (list as JsonArray ?? []).Select((item, index) => (index, item as JsonObject ?? []));
}
