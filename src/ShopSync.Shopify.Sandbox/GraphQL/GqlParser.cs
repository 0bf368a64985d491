using System.Globalization;
using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Sandbox;

/// <summary>
/// A recursive-descent parser for the GraphQL subset ShopSync sends: named query/mutation operations,
/// variables with defaults, fields with aliases and arguments, inline fragments. Named fragments and
/// directives are refused with a clear error, since ShopSync's documents never use them.
/// </summary>
internal sealed class GqlParser
{
    private readonly List<GqlToken> tokens;
    private int position;

    private GqlParser(string source) => tokens = GqlLexer.Tokenize(source);

    /// <summary>Parses <paramref name="document"/> and picks the operation named <paramref name="operationName"/> (or the only one).</summary>
    public static GqlOperation Parse(string document, string? operationName)
    {
        var parser = new GqlParser(document);
        var operations = new List<GqlOperation>();
        while (parser.Peek.Kind != GqlTokenKind.End)
        {
            operations.Add(parser.ParseOperation());
        }

        if (operations.Count == 0)
        {
            throw new GqlSyntaxException("The document contains no operation.");
        }

        if (operationName is null)
        {
            return operations.Count == 1 ? operations[0] : throw new GqlSyntaxException("operationName is required when the document has several operations.");
        }

        return operations.FirstOrDefault(o => o.Name == operationName)
            ?? throw new GqlSyntaxException($"No operation named '{operationName}' in the document.");
    }

    private GqlToken Peek => tokens[position];

    private GqlOperation ParseOperation()
    {
        if (Peek.Kind == GqlTokenKind.Punctuator && Peek.Text == "{")
        {
            return new GqlOperation(false, null, ParseSelectionSet(), new Dictionary<string, JsonNode?>());
        }

        var keyword = ExpectName();
        if (keyword is not ("query" or "mutation"))
        {
            throw new GqlSyntaxException(keyword == "fragment"
                ? "Named fragments are not supported by the sandbox."
                : $"Expected 'query' or 'mutation' but found '{keyword}'.");
        }

        string? name = Peek.Kind == GqlTokenKind.Name ? ExpectName() : null;
        var defaults = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (TryPunctuator("("))
        {
            while (!TryPunctuator(")"))
            {
                ExpectPunctuator("$");
                var variable = ExpectName();
                ExpectPunctuator(":");
                SkipType();
                if (TryPunctuator("="))
                {
                    defaults[variable] = ParseValue().Resolve(defaults);
                }
            }
        }

        RefuseDirective();
        return new GqlOperation(keyword == "mutation", name, ParseSelectionSet(), defaults);
    }

    private void SkipType()
    {
        if (TryPunctuator("["))
        {
            SkipType();
            ExpectPunctuator("]");
        }
        else
        {
            ExpectName();
        }

        TryPunctuator("!");
    }

    private List<GqlField> ParseSelectionSet()
    {
        ExpectPunctuator("{");
        var fields = new List<GqlField>();
        while (!TryPunctuator("}"))
        {
            if (TryPunctuator("..."))
            {
                if (Peek.Kind != GqlTokenKind.Name || Peek.Text != "on")
                {
                    throw new GqlSyntaxException("Fragment spreads are not supported by the sandbox; use inline fragments.");
                }

                ExpectName();
                var type = ExpectName();
                fields.Add(new GqlField(null, string.Empty, new Dictionary<string, GqlValue>(), ParseSelectionSet(), type));
                continue;
            }

            var nameOrAlias = ExpectName();
            string? alias = null;
            var name = nameOrAlias;
            if (TryPunctuator(":"))
            {
                alias = nameOrAlias;
                name = ExpectName();
            }

            var arguments = new Dictionary<string, GqlValue>(StringComparer.Ordinal);
            if (TryPunctuator("("))
            {
                while (!TryPunctuator(")"))
                {
                    var argument = ExpectName();
                    ExpectPunctuator(":");
                    arguments[argument] = ParseValue();
                }
            }

            RefuseDirective();
            var selections = Peek.Kind == GqlTokenKind.Punctuator && Peek.Text == "{" ? ParseSelectionSet() : [];
            fields.Add(new GqlField(alias, name, arguments, selections));
        }

        return fields;
    }

    private GqlValue ParseValue()
    {
        var token = tokens[position++];
        switch (token.Kind)
        {
            case GqlTokenKind.Punctuator when token.Text == "$":
                return new GqlVariable(ExpectName());
            case GqlTokenKind.Punctuator when token.Text == "[":
                var items = new List<GqlValue>();
                while (!TryPunctuator("]"))
                {
                    items.Add(ParseValue());
                }

                return new GqlList(items);
            case GqlTokenKind.Punctuator when token.Text == "{":
                var fields = new List<KeyValuePair<string, GqlValue>>();
                while (!TryPunctuator("}"))
                {
                    var key = ExpectName();
                    ExpectPunctuator(":");
                    fields.Add(new(key, ParseValue()));
                }

                return new GqlObject(fields);
            case GqlTokenKind.Int:
                return new GqlLiteral(JsonValue.Create(long.Parse(token.Text, CultureInfo.InvariantCulture)));
            case GqlTokenKind.Float:
                return new GqlLiteral(JsonValue.Create(double.Parse(token.Text, CultureInfo.InvariantCulture)));
            case GqlTokenKind.String:
                return new GqlLiteral(JsonValue.Create(token.Text));
            case GqlTokenKind.Name:
                return new GqlLiteral(token.Text switch
                {
                    "true" => JsonValue.Create(true),
                    "false" => JsonValue.Create(false),
                    "null" => null,
                    _ => JsonValue.Create(token.Text),
                });
            default:
                throw new GqlSyntaxException($"Unexpected '{token.Text}' at position {token.Position}.");
        }
    }

    private void RefuseDirective()
    {
        if (Peek.Kind == GqlTokenKind.Punctuator && Peek.Text == "@")
        {
            throw new GqlSyntaxException($"Directives are not supported by the sandbox (position {Peek.Position}).");
        }
    }

    private string ExpectName()
    {
        var token = tokens[position];
        if (token.Kind != GqlTokenKind.Name)
        {
            throw new GqlSyntaxException($"Expected a name at position {token.Position} but found '{token.Text}'.");
        }

        position++;
        return token.Text;
    }

    private void ExpectPunctuator(string text)
    {
        if (!TryPunctuator(text))
        {
            throw new GqlSyntaxException($"Expected '{text}' at position {Peek.Position} but found '{Peek.Text}'.");
        }
    }

    private bool TryPunctuator(string text)
    {
        if (Peek.Kind == GqlTokenKind.Punctuator && Peek.Text == text)
        {
            position++;
            return true;
        }

        if (Peek.Kind == GqlTokenKind.End && text is "}" or ")" or "]")
        {
            throw new GqlSyntaxException($"Unexpected end of document; expected '{text}'.");
        }

        return false;
    }
}
