using ShopSync.Queue.Filters;
using static ShopSync.Queue.Tests.Filters.TestPages;

namespace ShopSync.Queue.Tests.Filters;

public sealed class FilterTypedTests
{
    [Theory]
    [InlineData("1001", 1001L, true)]
    [InlineData("1001", 1002L, false)]
    [InlineData("1001..1050", 1050L, true)]
    [InlineData("1001..1050", 1051L, false)]
    [InlineData("1001..1050", 1000L, false)]
    [InlineData("..1050", -5L, true)]
    [InlineData("1001..", 99999L, true)]
    [InlineData("<>0", 0L, false)]
    [InlineData("<>0", 3L, true)]
    [InlineData(">10", 10L, false)]
    [InlineData(">=10", 10L, true)]
    [InlineData("<10", 9L, true)]
    [InlineData("<=10", 11L, false)]
    [InlineData("-5..-1", -3L, true)]
    [InlineData("4444|5100..5490", 5200L, true)]
    [InlineData("4444|5100..5490", 4445L, false)]
    [InlineData(">1000&<2000", 1500L, true)]
    [InlineData(">1000&<2000", 2000L, false)]
    [InlineData(" 1 .. 5 ", 3L, true)]
    [InlineData("''", null, true)]
    [InlineData("''", 0L, false)]
    [InlineData("<>''", 0L, true)]
    [InlineData("5", null, false)]
    [InlineData("<>5", null, true)]
    [InlineData("1..5", null, false)]
    public void Matches_IntegerField(string expression, object? value, bool expected)
    {
        Assert.Equal(expected, Parse(FilterFieldType.Integer, expression).Matches(value));
    }

    [Fact]
    public void Matches_IntegerField_AcceptsInt()
    {
        Assert.True(Parse(FilterFieldType.Integer, "3").Matches(3));
    }

    [Theory]
    [InlineData("12.50", "12.5", true)]
    [InlineData("1.5..2.5", "2.5", true)]
    [InlineData("1.5..2.5", "2.51", false)]
    [InlineData(">=100", "99.99", false)]
    [InlineData("-0.5", "-0.50", true)]
    [InlineData("..0", "-1", true)]
    public void Matches_DecimalField(string expression, string value, bool expected)
    {
        var d = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, Parse(FilterFieldType.Decimal, expression).Matches(d));
    }

    [Theory]
    [InlineData("true", true, true)]
    [InlineData("TRUE", false, false)]
    [InlineData("Yes", true, true)]
    [InlineData("no", false, true)]
    [InlineData("1", true, true)]
    [InlineData("0", true, false)]
    [InlineData("<>true", false, true)]
    [InlineData("true|false", false, true)]
    public void Matches_BooleanField(string expression, bool value, bool expected)
    {
        Assert.Equal(expected, Parse(FilterFieldType.Boolean, expression).Matches(value));
    }

    [Theory]
    [InlineData("2024-01-31", "2024-01-31", true)]
    [InlineData(">=2024-01-01", "2023-12-31", false)]
    [InlineData(">=2024-01-01", "2024-01-01", true)]
    [InlineData("2024-01-01..2024-01-31", "2024-01-15", true)]
    [InlineData("2024-01-01..2024-01-31", "2024-02-01", false)]
    [InlineData("..2024-01-31", "2000-01-01", true)]
    [InlineData("<>2024-01-31", "2024-01-30", true)]
    public void Matches_DateField(string expression, string value, bool expected)
    {
        Assert.Equal(expected, Parse(FilterFieldType.Date, expression).Matches(DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2024-01-31T10:00:00Z", "2024-01-31T10:00:00Z", true)]
    [InlineData("2024-01-31T12:00:00+02:00", "2024-01-31T10:00:00Z", true)]
    [InlineData("2024-01-31T10:00:00", "2024-01-31T10:00:00Z", true)]
    [InlineData("2024-01-31T10:00Z", "2024-01-31T10:00:00Z", true)]
    [InlineData("2024-01-31T10:00:00.250Z", "2024-01-31T10:00:00.25Z", true)]
    [InlineData(">2024-01-31T10:00:00Z", "2024-01-31T10:00:00Z", false)]
    [InlineData("2024-01-31", "2024-01-31T23:59:59Z", true)]
    [InlineData("2024-01-31", "2024-02-01T00:00:00Z", false)]
    [InlineData("<>2024-01-31", "2024-01-31T05:00:00Z", false)]
    [InlineData("<>2024-01-31", "2024-01-30T23:00:00Z", true)]
    [InlineData("<=2024-01-31", "2024-01-31T23:00:00Z", true)]
    [InlineData(">2024-01-31", "2024-01-31T23:00:00Z", false)]
    [InlineData(">2024-01-31", "2024-02-01T00:00:00Z", true)]
    [InlineData("<2024-01-31", "2024-01-30T23:59:59Z", true)]
    [InlineData("2024-01-01..2024-01-31", "2024-01-31T22:00:00Z", true)]
    [InlineData("2024-01-01..2024-01-31", "2024-02-01T00:00:00Z", false)]
    [InlineData("2024-01-01T00:00:00Z..", "2025-01-01T00:00:00Z", true)]
    public void Matches_DateTimeField(string expression, string value, bool expected)
    {
        var instant = DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, Parse(FilterFieldType.DateTime, expression).Matches(instant));
    }

    [Theory]
    [InlineData("Paid", "Paid", true)]
    [InlineData("paid", "PAID", true)]
    [InlineData("Paid|Partially Paid", "Partially Paid", true)]
    [InlineData("Paid|Partially Paid", "Pending", false)]
    [InlineData("<>Voided", "Pending", true)]
    [InlineData("Authorized..Paid", "Partially Paid", true)]
    [InlineData("Authorized..Paid", "Refunded", false)]
    [InlineData(">Paid", "Refunded", true)]
    [InlineData("*Paid", "Partially Paid", true)]
    [InlineData("*paid", "Paid", true)]
    [InlineData("Partially*", "Paid", false)]
    [InlineData("Paid", "Some New Status", false)]
    [InlineData("<>Paid", "Some New Status", true)]
    [InlineData("Pending..", "Some New Status", false)]
    public void Matches_OptionField_UsesDeclaredOrder(string expression, string value, bool expected)
    {
        Assert.Equal(expected, Parse(FilterFieldType.Option, expression, FinancialStatuses).Matches(value));
    }

    [Theory]
    [InlineData(FilterFieldType.Integer, "1")]
    [InlineData(FilterFieldType.Boolean, "true")]
    [InlineData(FilterFieldType.Date, "2024-01-01")]
    [InlineData(FilterFieldType.Option, "Paid")]
    public void Matches_WrongClrType_ThrowsNamingField(FilterFieldType type, string expression)
    {
        var filter = Parse(type, expression, FinancialStatuses);
        var error = Assert.Throws<ArgumentException>(() => filter.Matches(new object()));
        Assert.Contains("\"F\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Matches_EmptyExpression_MatchesEverything()
    {
        var filter = Parse(FilterFieldType.Integer, "   ");
        Assert.True(filter.IsUnrestricted);
        Assert.True(filter.Matches(5L));
        Assert.Equal(string.Empty, filter.NormalizedExpression);
    }
}
