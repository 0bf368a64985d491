using ShopSync.Queue.Filters;
using static ShopSync.Queue.Tests.Filters.TestPages;

namespace ShopSync.Queue.Tests.Filters;

public sealed class FilterNormalizationTests
{
    [Theory]
    [InlineData(FilterFieldType.Text, " a | b ", "a|b")]
    [InlineData(FilterFieldType.Text, "(a|b)&c", "(a|b)&c")]
    [InlineData(FilterFieldType.Text, "a|(b&c)", "a|b&c")]
    [InlineData(FilterFieldType.Text, "((a))", "a")]
    [InlineData(FilterFieldType.Text, "=a", "a")]
    [InlineData(FilterFieldType.Text, "'abc'", "abc")]
    [InlineData(FilterFieldType.Text, "'a|b'", "'a|b'")]
    [InlineData(FilterFieldType.Text, "'it''s'", "'it''s'")]
    [InlineData(FilterFieldType.Text, "@<>*vip*", "<>@*vip*")]
    [InlineData(FilterFieldType.Text, "'a*'**", "'a*'*")]
    [InlineData(FilterFieldType.Text, "''", "''")]
    [InlineData(FilterFieldType.Text, "Order No.", "'Order No.'")]
    [InlineData(FilterFieldType.Integer, "+0010..20", "10..20")]
    [InlineData(FilterFieldType.Integer, "<= 5", "<=5")]
    [InlineData(FilterFieldType.Decimal, "1.50|.5", "1.50|0.5")]
    [InlineData(FilterFieldType.Boolean, "Yes|0", "true|false")]
    [InlineData(FilterFieldType.DateTime, "2024-01-31T12:00:00+02:00", "2024-01-31T10:00:00Z")]
    [InlineData(FilterFieldType.DateTime, "2024-01-31", ">=2024-01-31T00:00:00Z&<2024-02-01T00:00:00Z")]
    [InlineData(FilterFieldType.DateTime, "2024-01-01..2024-01-31", ">=2024-01-01T00:00:00Z&<2024-02-01T00:00:00Z")]
    [InlineData(FilterFieldType.Option, "paid|partially paid", "Paid|Partially Paid")]
    public void NormalizedExpression_IsCanonical(FilterFieldType type, string expression, string expected)
    {
        Assert.Equal(expected, Parse(type, expression, FinancialStatuses).NormalizedExpression);
    }

    [Fact]
    public void Expression_KeepsWhatWasGiven()
    {
        var filter = Parse(FilterFieldType.Boolean, "  Yes ");
        Assert.Equal("Yes", filter.Expression);
        Assert.Equal("true", filter.NormalizedExpression);
    }
}
