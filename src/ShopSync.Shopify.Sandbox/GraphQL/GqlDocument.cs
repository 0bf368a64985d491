using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Sandbox;

/// <summary>An operation of a parsed GraphQL document (the subset ShopSync sends: no named fragments, no directives).</summary>
internal sealed record GqlOperation(bool IsMutation, string? Name, IReadOnlyList<GqlField> Selections, IReadOnlyDictionary<string, JsonNode?> VariableDefaults);

/// <summary>A field, or an inline fragment when <see cref="TypeCondition"/> is set (then <see cref="Name"/> is empty).</summary>
internal sealed record GqlField(string? Alias, string Name, IReadOnlyDictionary<string, GqlValue> Arguments, IReadOnlyList<GqlField> Selections, string? TypeCondition = null)
{
    public string ResponseKey => Alias ?? Name;

    public bool IsFragment => TypeCondition is not null;
}

/// <summary>An argument value: a literal, a variable, a list or an object.</summary>
internal abstract record GqlValue
{
    public abstract JsonNode? Resolve(IReadOnlyDictionary<string, JsonNode?> variables);
}

/// <summary>A literal (number, string, boolean, null, enum as string).</summary>
internal sealed record GqlLiteral(JsonNode? Value) : GqlValue
{
    public override JsonNode? Resolve(IReadOnlyDictionary<string, JsonNode?> variables) => Value?.DeepClone();
}

/// <summary><c>$name</c>.</summary>
internal sealed record GqlVariable(string Name) : GqlValue
{
    public override JsonNode? Resolve(IReadOnlyDictionary<string, JsonNode?> variables) =>
        variables.TryGetValue(Name, out var value) ? value?.DeepClone() : null;
}

/// <summary><c>[a, b]</c>.</summary>
internal sealed record GqlList(IReadOnlyList<GqlValue> Items) : GqlValue
{
    public override JsonNode? Resolve(IReadOnlyDictionary<string, JsonNode?> variables) =>
        new JsonArray(Items.Select(i => i.Resolve(variables)).ToArray());
}

/// <summary><c>{a: 1}</c>.</summary>
internal sealed record GqlObject(IReadOnlyList<KeyValuePair<string, GqlValue>> Fields) : GqlValue
{
    public override JsonNode? Resolve(IReadOnlyDictionary<string, JsonNode?> variables)
    {
        var result = new JsonObject();
        foreach (var (key, value) in Fields)
        {
            result[key] = value.Resolve(variables);
        }

        return result;
    }
}

/// <summary>A document the sandbox cannot read.</summary>
internal sealed class GqlSyntaxException(string message) : Exception(message);
