using System.Globalization;
using System.Text;
using ShopSync.Queue.Filters;
using static ShopSync.Queue.Tests.Filters.TestPages;

namespace ShopSync.Queue.Tests.Filters;

/// <summary>
/// Property: parse → normalised text → parse gives a filter that agrees with the original on random
/// values, and normalising is a fixed point. Seeded, so a failure reproduces.
/// </summary>
public sealed class FilterRoundTripTests
{
    private static readonly string[] TextLiterals = ["a", "b", "ab", "A", "a b", "x|y", "it's", "(p)", "1.5", "@x", "..", "<z", "*", "?", ""];

    [Theory]
    [InlineData(FilterFieldType.Text, 11)]
    [InlineData(FilterFieldType.Code, 12)]
    [InlineData(FilterFieldType.Integer, 13)]
    [InlineData(FilterFieldType.Decimal, 14)]
    [InlineData(FilterFieldType.Boolean, 15)]
    [InlineData(FilterFieldType.Date, 16)]
    [InlineData(FilterFieldType.DateTime, 17)]
    [InlineData(FilterFieldType.Option, 18)]
    public void Normalize_RandomExpressions_ParsesBackToEquivalentFilter(FilterFieldType type, int seed)
    {
        var random = new Random(seed);
        var valid = 0;
        for (var sample = 0; sample < 400; sample++)
        {
            var expression = Expression(random, type, depth: 0);
            FieldFilter first;
            try
            {
                first = Parse(type, expression, FinancialStatuses);
            }
            catch (FilterValidationException)
            {
                continue;
            }

            valid++;
            var normalized = first.NormalizedExpression;
            var second = Parse(type, normalized, FinancialStatuses);
            Assert.True(normalized == second.NormalizedExpression, $"'{expression}' → '{normalized}' → '{second.NormalizedExpression}'");
            for (var v = 0; v < 40; v++)
            {
                var value = Value(random, type);
                Assert.True(
                    first.Matches(value) == second.Matches(value),
                    $"'{expression}' and its normal form '{normalized}' disagree on {Describe(value)}");
            }
        }

        Assert.True(valid >= 150, $"only {valid} of 400 random expressions parsed; the generator needs fixing");
    }

    private static string Expression(Random random, FilterFieldType type, int depth)
    {
        var roll = random.Next(depth >= 2 ? 6 : 10);
        return roll switch
        {
            6 => Expression(random, type, depth + 1) + Space(random) + "|" + Space(random) + Expression(random, type, depth + 1),
            7 => Expression(random, type, depth + 1) + "&" + Expression(random, type, depth + 1),
            8 => "(" + Expression(random, type, depth + 1) + ")",
            9 => Expression(random, type, depth + 1) + "|" + Expression(random, type, depth + 1) + "&" + Expression(random, type, depth + 1),
            _ => Condition(random, type),
        };
    }

    private static string Condition(Random random, FilterFieldType type)
    {
        var at = type is FilterFieldType.Text or FilterFieldType.Code && random.Next(4) == 0 ? "@" : string.Empty;
        return random.Next(7) switch
        {
            0 => at + Literal(random, type) + ".." + Literal(random, type),
            1 => ".." + at + Literal(random, type),
            2 => at + Literal(random, type) + "..",
            3 => new[] { "<", "<=", ">", ">=" }[random.Next(4)] + at + Literal(random, type),
            4 => new[] { "=", "<>" }[random.Next(2)] + at + Operand(random, type),
            _ => at + Operand(random, type),
        };
    }

    private static string Operand(Random random, FilterFieldType type)
        => random.Next(6) == 0 ? "''" : type is FilterFieldType.Text or FilterFieldType.Code or FilterFieldType.Option && random.Next(3) == 0
            ? Pattern(random, type)
            : Literal(random, type);

    private static string Pattern(Random random, FilterFieldType type)
    {
        if (type == FilterFieldType.Option)
        {
            return new[] { "*Paid", "Partially*", "?aid", "*d*", "P*d", "*" }[random.Next(6)];
        }

        var sb = new StringBuilder();
        for (var i = 0; i < 1 + random.Next(4); i++)
        {
            sb.Append(random.Next(5) switch { 0 => "*", 1 => "?", 2 => "'x|y'", _ => "ab"[random.Next(2)].ToString() });
        }

        return sb.ToString();
    }

    private static string Literal(Random random, FilterFieldType type) => type switch
    {
        FilterFieldType.Text or FilterFieldType.Code => Quote(TextLiterals[random.Next(TextLiterals.Length)]),
        FilterFieldType.Integer => random.Next(-5, 6).ToString(CultureInfo.InvariantCulture),
        FilterFieldType.Decimal => (random.Next(-10, 11) / 4m).ToString(CultureInfo.InvariantCulture),
        FilterFieldType.Boolean => new[] { "true", "false", "Yes", "no", "1", "0" }[random.Next(6)],
        FilterFieldType.Date => Day(random).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        FilterFieldType.DateTime => random.Next(2) == 0
            ? Day(random).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : Instant(random).ToOffset(TimeSpan.FromHours(random.Next(-3, 4))).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        _ => FinancialStatuses[random.Next(FinancialStatuses.Length)].ToUpperInvariant(),
    };

    private static object? Value(Random random, FilterFieldType type)
    {
        if (random.Next(12) == 0)
        {
            return null;
        }

        return type switch
        {
            FilterFieldType.Text or FilterFieldType.Code => random.Next(3) == 0
                ? TextLiterals[random.Next(TextLiterals.Length)]
                : new string(Enumerable.Range(0, random.Next(4)).Select(_ => "aAbBx|y' *"[random.Next(10)]).ToArray()),
            FilterFieldType.Integer => (long)random.Next(-6, 7),
            FilterFieldType.Decimal => random.Next(-12, 13) / 4m,
            FilterFieldType.Boolean => random.Next(2) == 0,
            FilterFieldType.Date => Day(random),
            FilterFieldType.DateTime => Instant(random),
            _ => random.Next(8) == 0 ? "Unknown Status" : FinancialStatuses[random.Next(FinancialStatuses.Length)],
        };
    }

    private static string Quote(string text)
        => text.All(char.IsLetter) ? text : "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Space(Random random) => random.Next(3) == 0 ? " " : string.Empty;

    private static DateOnly Day(Random random) => new DateOnly(2024, 1, 10).AddDays(random.Next(-4, 5));

    private static DateTimeOffset Instant(Random random)
        => new DateTimeOffset(2024, 1, 10, 0, 0, 0, TimeSpan.Zero).AddHours(random.Next(-96, 97));

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
