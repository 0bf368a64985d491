using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Sandbox;

/// <summary>
/// Shopify-style calculated cost: scalars 0, objects 1, a connection 2 + first × (cost of one node),
/// mutations 10. <see cref="Requested"/> is computed before running (from first/last arguments);
/// the actual cost is counted by the projector from what was really returned.
/// </summary>
internal static class GqlCost
{
    public const int MutationCost = 10;

    public static int Requested(GqlOperation operation, IReadOnlyDictionary<string, JsonNode?> variables) =>
        operation.IsMutation ? MutationCost : operation.Selections.Sum(f => Field(f, variables));

    public static bool IsConnection(GqlField field) => field.Arguments.ContainsKey("first") || field.Arguments.ContainsKey("last");

    public static int PageSize(GqlField field, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        var value = (field.Arguments.GetValueOrDefault("first") ?? field.Arguments.GetValueOrDefault("last"))?.Resolve(variables);
        return value is JsonValue v && v.TryGetValue<long>(out var n) ? (int)Math.Clamp(n, 0, 10_000)
            : value is JsonValue d && d.TryGetValue<double>(out var f) ? (int)Math.Clamp(f, 0, 10_000) : 0;
    }

    private static int Field(GqlField field, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        if (field.Selections.Count == 0)
        {
            return 0;
        }

        if (field.IsFragment)
        {
            return field.Selections.Sum(f => Field(f, variables));
        }

        if (IsConnection(field))
        {
            return 2 + (PageSize(field, variables) * NodeCost(field, variables));
        }

        return 1 + field.Selections.Sum(f => Field(f, variables));
    }

    private static int NodeCost(GqlField connection, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        var cost = 0;
        foreach (var part in connection.Selections)
        {
            if (part.Name == "nodes")
            {
                cost = Math.Max(cost, 1 + part.Selections.Sum(f => Field(f, variables)));
            }
            else if (part.Name == "edges")
            {
                var node = part.Selections.FirstOrDefault(s => s.Name == "node");
                if (node is not null)
                {
                    cost = Math.Max(cost, 1 + node.Selections.Sum(f => Field(f, variables)));
                }
            }
        }

        return cost;
    }
}
