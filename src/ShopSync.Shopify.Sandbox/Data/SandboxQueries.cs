using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Sandbox;

/// <summary>Root query fields: returns the stored record (or the filtered, sorted list for a connection) to project.</summary>
internal static class SandboxQueries
{
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        "shop", "orders", "ordersCount", "order", "customers", "companies", "products", "locations", "location",
        "shopifyPaymentsAccount", "catalogs", "priceList",
    };

    /// <summary>Returns a JsonObject, a list of records, or a virtual object for the projector.</summary>
    public static object? Resolve(SandboxData data, string field, Func<string, JsonNode?> argument) => field switch
    {
        "shop" => data.Shop,
        "orders" => List(data.Orders, argument),
        "ordersCount" => Count(List(data.Orders, argument).Count, argument("limit")),
        "order" => SandboxData.ById(data.Orders, Text(argument("id"))),
        "customers" => List(data.Customers, argument),
        "companies" => List(data.Companies, argument),
        "products" => List(data.Products, argument),
        "locations" => data.Locations,
        "location" => SandboxData.ById(data.Locations, Text(argument("id"))),
        "shopifyPaymentsAccount" => new Dictionary<string, object?>
        {
            ["payouts"] = data.Payouts.OrderByDescending(p => p["issuedAt"]!.GetValue<string>(), StringComparer.Ordinal).ToList(),
            ["balanceTransactions"] = data.BalanceTransactions,
            ["disputes"] = data.Disputes,
        },
        "catalogs" => data.Catalogs,
        "priceList" => SandboxData.ById(data.PriceLists, Text(argument("id"))),
        _ => null,
    };

    private static List<JsonObject> List(List<JsonObject> records, Func<string, JsonNode?> argument)
    {
        var filter = SandboxSearchQuery.Parse(Text(argument("query")));
        var sortKey = Text(argument("sortKey")) ?? "ID";
        var reverse = argument("reverse") is JsonValue r && r.TryGetValue<bool>(out var b) && b;
        IEnumerable<JsonObject> selected = records.Where(filter);
        selected = sortKey switch
        {
            "UPDATED_AT" => selected.OrderBy(o => SandboxData.ParseTimestamp(o["updatedAt"])).ThenBy(NumericId),
            "CREATED_AT" => selected.OrderBy(o => SandboxData.ParseTimestamp(o["createdAt"])).ThenBy(NumericId),
            _ => selected.OrderBy(NumericId),
        };
        if (reverse)
        {
            selected = selected.Reverse();
        }

        return selected.ToList();
    }

    /// <summary>
    /// A <c>Count</c> object; a numeric <c>limit</c> caps it with precision AT_LEAST. The sandbox reads an omitted limit
    /// like <c>limit: null</c> (no cap), where Shopify would stop at its default of 10,000.
    /// </summary>
    private static JsonObject Count(int count, JsonNode? limitArgument) =>
        limitArgument is JsonValue v && v.TryGetValue<int>(out var limit) && count > limit
            ? new JsonObject { ["count"] = limit, ["precision"] = "AT_LEAST" }
            : new JsonObject { ["count"] = count, ["precision"] = "EXACT" };

    private static long NumericId(JsonObject record) =>
        long.TryParse(record["id"]!.GetValue<string>().Split('/')[^1].Split('?')[0], out var id) ? id : 0;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
