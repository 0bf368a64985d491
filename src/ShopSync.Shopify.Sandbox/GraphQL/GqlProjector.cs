using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Sandbox;

/// <summary>
/// Shapes stored records (JSON objects whose nested connections are plain arrays) into exactly the
/// selection a document asked for, paginating connections with opaque cursors, and counts the actual cost.
/// </summary>
internal sealed class GqlProjector(IReadOnlyDictionary<string, JsonNode?> variables)
{
    public int ActualCost { get; private set; }

    /// <param name="field">The selected field.</param>
    /// <param name="value">A JsonNode, a list of stored records, or a virtual object (name → value).</param>
    public JsonNode? Value(GqlField field, object? value)
    {
        if (value is IReadOnlyList<JsonObject> records)
        {
            if (GqlCost.IsConnection(field))
            {
                return Connection(field, records);
            }

            return new JsonArray(records.Select(r => (JsonNode)Object(field.Selections, r, countSelf: true)).ToArray());
        }

        if (field.Selections.Count == 0)
        {
            return value is JsonNode node ? node.DeepClone() : null;
        }

        if (value is null)
        {
            return null;
        }

        if (GqlCost.IsConnection(field) && value is JsonArray all)
        {
            return Connection(field, all.OfType<JsonObject>().ToList());
        }

        if (value is JsonArray list)
        {
            var names = field.Arguments.GetValueOrDefault("names")?.Resolve(variables) as JsonArray;
            var wanted = names?.Select(n => n?.GetValue<string>()).ToHashSet();
            var result = new JsonArray();
            var counted = false;
            foreach (var item in list)
            {
                if (item is JsonObject element && (wanted is null || wanted.Contains(element["name"]?.GetValue<string>())))
                {
                    if (!counted)
                    {
                        ActualCost++;
                        counted = true;
                    }

                    result.Add(Object(field.Selections, element, countSelf: false));
                }
            }

            return result;
        }

        return value is JsonObject or IReadOnlyDictionary<string, object?> ? Object(field.Selections, value, countSelf: true) : null;
    }

    public JsonObject Object(IReadOnlyList<GqlField> selections, object source, bool countSelf)
    {
        if (countSelf)
        {
            ActualCost++;
        }

        var result = new JsonObject();
        foreach (var selection in selections)
        {
            if (selection.IsFragment)
            {
                var typeName = (Get(source, "__typename") as JsonNode)?.GetValue<string>();
                if (typeName is null || typeName == selection.TypeCondition)
                {
                    foreach (var (key, value) in Object(selection.Selections, source, countSelf: false).ToList())
                    {
                        result[key] = value?.DeepClone();
                    }
                }

                continue;
            }

            result[selection.ResponseKey] = Value(selection, Get(source, selection.Name));
        }

        return result;
    }

    // A field the stored record does not have is a field the real type does not have either: Shopify refuses the
    // query ("Field 'x' doesn't exist"), so the sandbox does too instead of answering null.
    private static object? Get(object source, string name) => source switch
    {
        JsonObject json => json.TryGetPropertyValue(name, out var node) || name == "__typename"
            ? node
            : throw new GqlSyntaxException($"Field '{name}' doesn't exist on the selected type."),
        IReadOnlyDictionary<string, object?> virtualObject => virtualObject.GetValueOrDefault(name),
        _ => null,
    };

    private JsonObject Connection(GqlField field, IReadOnlyList<JsonObject> all)
    {
        ActualCost += 2;
        var first = GqlCost.PageSize(field, variables);
        var after = field.Arguments.GetValueOrDefault("after")?.Resolve(variables) is JsonValue a && a.TryGetValue<string>(out var text) ? text : null;
        var start = 0;
        if (after is not null)
        {
            var position = GqlCursor.Decode(after, id => IndexOf(all, id))
                ?? throw new GqlSyntaxException($"Invalid cursor for argument 'after' of '{field.Name}'.");
            start = position + 1;
        }

        var page = all.Skip(start).Take(first).ToList();
        var result = new JsonObject();
        foreach (var part in field.Selections)
        {
            switch (part.Name)
            {
                case "nodes":
                    result[part.ResponseKey] = new JsonArray(page.Select(n => (JsonNode)Object(part.Selections, n, countSelf: true)).ToArray());
                    break;
                case "edges":
                    var edges = new JsonArray();
                    for (var i = 0; i < page.Count; i++)
                    {
                        var edge = new JsonObject();
                        foreach (var edgePart in part.Selections)
                        {
                            edge[edgePart.ResponseKey] = edgePart.Name switch
                            {
                                "cursor" => GqlCursor.Encode(start + i, Id(page[i])),
                                "node" => Object(edgePart.Selections, page[i], countSelf: true),
                                _ => null,
                            };
                        }

                        edges.Add(edge);
                    }

                    result[part.ResponseKey] = edges;
                    break;
                case "pageInfo":
                    var info = new JsonObject();
                    foreach (var infoPart in part.Selections)
                    {
                        info[infoPart.ResponseKey] = infoPart.Name switch
                        {
                            "hasNextPage" => start + page.Count < all.Count,
                            "hasPreviousPage" => start > 0,
                            "startCursor" => page.Count == 0 ? null : GqlCursor.Encode(start, Id(page[0])),
                            "endCursor" => page.Count == 0 ? null : GqlCursor.Encode(start + page.Count - 1, Id(page[^1])),
                            _ => null,
                        };
                    }

                    result[part.ResponseKey] = info;
                    break;
                default:
                    result[part.ResponseKey] = null;
                    break;
            }
        }

        return result;
    }

    private static string? Id(JsonObject item) => (item["id"] ?? item["variant"]?["id"])?.GetValue<string>();

    private static int IndexOf(IReadOnlyList<JsonObject> all, string id)
    {
        for (var i = 0; i < all.Count; i++)
        {
            if (Id(all[i]) == id)
            {
                return i;
            }
        }

        return -1;
    }
}
