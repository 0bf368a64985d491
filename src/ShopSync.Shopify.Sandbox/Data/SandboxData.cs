using System.Globalization;
using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Sandbox;

/// <summary>
/// The store's records, kept as JSON objects in Shopify's field names; nested connections are plain
/// arrays that the projector pages. Guarded by the <see cref="SandboxStore"/> lock.
/// </summary>
internal sealed class SandboxData
{
    public SandboxData(string currency) => Currency = currency;

    public string Currency { get; }

    public JsonObject Shop { get; set; } = [];

    public List<JsonObject> Locations { get; } = [];

    public List<JsonObject> Products { get; } = [];

    public List<JsonObject> Customers { get; } = [];

    public List<JsonObject> Companies { get; } = [];

    public List<JsonObject> Orders { get; } = [];

    public List<JsonObject> Payouts { get; } = [];

    public List<JsonObject> BalanceTransactions { get; } = [];

    public List<JsonObject> Disputes { get; } = [];

    public List<JsonObject> Catalogs { get; } = [];

    public List<JsonObject> PriceLists { get; } = [];

    public List<JsonObject> Fulfillments { get; } = [];

    /// <summary>Injected refusals of fulfillmentCreate: order or fulfillment order id → the userError message.</summary>
    public Dictionary<string, string> FulfillmentRefusals { get; } = new(StringComparer.Ordinal);

    public long NextId { get; set; } = 9_000_001;

    public string NewId(string type) => $"gid://shopify/{type}/{NextId++}";

    public JsonObject Money(decimal amount) => new()
    {
        ["amount"] = amount.ToString("0.00", CultureInfo.InvariantCulture),
        ["currencyCode"] = Currency,
    };

    public JsonObject MoneyBag(decimal amount) => new() { ["shopMoney"] = Money(amount) };

    public static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTimestamp(JsonNode? value) =>
        DateTimeOffset.Parse(value!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public JsonObject? Variant(string id) =>
        Products.SelectMany(p => p["variants"]!.AsArray().OfType<JsonObject>()).FirstOrDefault(v => v["id"]!.GetValue<string>() == id);

    public static JsonObject? ById(IEnumerable<JsonObject> records, string? id) =>
        id is null ? null : records.FirstOrDefault(r => r["id"]?.GetValue<string>() == id);
}
