using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ShopSync.Shopify.Sandbox;

/// <summary>
/// The part of Shopify's search syntax ShopSync uses: <c>updated_at</c>/<c>created_at</c> with &gt; &gt;= &lt; &lt;=,
/// <c>tag:</c>, <c>financial_status:</c>, <c>email:</c>, <c>external_id:</c>, <c>handle:</c>, <c>sku:</c> (products with a
/// variant of that SKU). Terms are ANDed; unknown terms are ignored, as Shopify does.
/// </summary>
internal static partial class SandboxSearchQuery
{
    public static Func<JsonObject, bool> Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return _ => true;
        }

        var filters = new List<Func<JsonObject, bool>>();
        foreach (Match term in TermPattern().Matches(query))
        {
            var key = term.Groups["key"].Value.ToLowerInvariant();
            var op = term.Groups["op"].Value;
            var value = term.Groups["value"].Value.Trim('\'', '"');
            switch (key)
            {
                case "updated_at" or "created_at":
                    var field = key == "updated_at" ? "updatedAt" : "createdAt";
                    if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                    {
                        throw new GqlSyntaxException($"Invalid date '{value}' in search query term '{term.Value}'.");
                    }

                    filters.Add(r => Compare(SandboxData.ParseTimestamp(r[field]).CompareTo(at), op));
                    break;
                case "tag":
                    filters.Add(r => r["tags"] is JsonArray tags && tags.Any(t => string.Equals(t?.GetValue<string>(), value, StringComparison.OrdinalIgnoreCase)));
                    break;
                case "financial_status":
                    filters.Add(r => string.Equals(r["displayFinancialStatus"]?.GetValue<string>(), value, StringComparison.OrdinalIgnoreCase));
                    break;
                case "handle":
                    filters.Add(r => string.Equals(r["handle"]?.GetValue<string>(), value, StringComparison.Ordinal));
                    break;
                case "sku":
                    filters.Add(r => r["variants"] is JsonArray variants && variants.Any(v => string.Equals(v?["sku"]?.GetValue<string>(), value, StringComparison.OrdinalIgnoreCase)));
                    break;
                case "email":
                    filters.Add(r => string.Equals(r["email"]?.GetValue<string>(), value, StringComparison.OrdinalIgnoreCase));
                    break;
                case "external_id":
                    filters.Add(r => r["externalId"] is JsonValue id && id.TryGetValue<string>(out var externalId) && externalId == value);
                    break;
            }
        }

        return record => filters.TrueForAll(f => f(record));
    }

    private static bool Compare(int comparison, string op) => op switch
    {
        ">" => comparison > 0,
        ">=" => comparison >= 0,
        "<" => comparison < 0,
        "<=" => comparison <= 0,
        _ => comparison == 0,
    };

    [GeneratedRegex("""(?<key>[A-Za-z_]+):(?<op>>=|<=|>|<)?(?<value>'[^']*'|"[^"]*"|\S+)""")]
    private static partial Regex TermPattern();
}
