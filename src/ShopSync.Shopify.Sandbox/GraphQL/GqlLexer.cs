using System.Globalization;
using System.Text;

namespace ShopSync.Shopify.Sandbox;

/// <summary>Token kinds of the GraphQL lexer.</summary>
internal enum GqlTokenKind
{
    Punctuator,
    Name,
    Int,
    Float,
    String,
    End,
}

/// <summary>A token.</summary>
internal readonly record struct GqlToken(GqlTokenKind Kind, string Text, int Position);

/// <summary>Splits a GraphQL document into tokens (commas and comments are insignificant, as in the spec).</summary>
internal static class GqlLexer
{
    public static List<GqlToken> Tokenize(string source)
    {
        var tokens = new List<GqlToken>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c) || c == ',' || c == '\uFEFF')
            {
                i++;
            }
            else if (c == '#')
            {
                while (i < source.Length && source[i] is not '\n' and not '\r')
                {
                    i++;
                }
            }
            else if (c == '.' && i + 2 < source.Length && source[i + 1] == '.' && source[i + 2] == '.')
            {
                tokens.Add(new GqlToken(GqlTokenKind.Punctuator, "...", i));
                i += 3;
            }
            else if ("!$()[]{}:=@|&".Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new GqlToken(GqlTokenKind.Punctuator, c.ToString(), i));
                i++;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < source.Length && (char.IsAsciiLetterOrDigit(source[i]) || source[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new GqlToken(GqlTokenKind.Name, source[start..i], start));
            }
            else if (char.IsAsciiDigit(c) || c == '-')
            {
                var start = i++;
                var isFloat = false;
                while (i < source.Length && (char.IsAsciiDigit(source[i]) || source[i] is '.' or 'e' or 'E' or '+' or '-'))
                {
                    isFloat |= source[i] is '.' or 'e' or 'E';
                    i++;
                }

                tokens.Add(new GqlToken(isFloat ? GqlTokenKind.Float : GqlTokenKind.Int, source[start..i], start));
            }
            else if (c == '"')
            {
                i = ReadString(source, i, tokens);
            }
            else
            {
                throw new GqlSyntaxException($"Unexpected character '{c}' at position {i}.");
            }
        }

        tokens.Add(new GqlToken(GqlTokenKind.End, string.Empty, source.Length));
        return tokens;
    }

    private static int ReadString(string source, int start, List<GqlToken> tokens)
    {
        if (source.AsSpan(start).StartsWith("\"\"\""))
        {
            var end = source.IndexOf("\"\"\"", start + 3, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new GqlSyntaxException($"Unterminated block string at position {start}.");
            }

            tokens.Add(new GqlToken(GqlTokenKind.String, source[(start + 3)..end], start));
            return end + 3;
        }

        var builder = new StringBuilder();
        var i = start + 1;
        while (i < source.Length && source[i] != '"')
        {
            if (source[i] == '\\' && i + 1 < source.Length)
            {
                var escaped = source[i + 1];
                if (escaped == 'u' && i + 5 < source.Length)
                {
                    builder.Append((char)int.Parse(source.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 6;
                    continue;
                }

                builder.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => escaped });
                i += 2;
                continue;
            }

            builder.Append(source[i++]);
        }

        if (i >= source.Length)
        {
            throw new GqlSyntaxException($"Unterminated string at position {start}.");
        }

        tokens.Add(new GqlToken(GqlTokenKind.String, builder.ToString(), start));
        return i + 1;
    }
}
