using ShopSync.Queue.Filters;
using static ShopSync.Queue.Tests.Filters.TestPages;

namespace ShopSync.Queue.Tests.Filters;

public sealed class FilterErrorTests
{
    [Theory]
    [InlineData(FilterFieldType.Code, ">1001..1050", 6, "unexpected '..' at position 6")]
    [InlineData(FilterFieldType.Code, "1..2..3", 5, "unexpected '..' at position 5")]
    [InlineData(FilterFieldType.Text, "a|", 3, "expected a value at position 3 (end of the expression)")]
    [InlineData(FilterFieldType.Text, "|a", 1, "expected a value before '|' at position 1")]
    [InlineData(FilterFieldType.Text, "a&&b", 3, "expected a value before '&' at position 3")]
    [InlineData(FilterFieldType.Text, "(a|b", 1, "missing ')' for the '(' at position 1")]
    [InlineData(FilterFieldType.Text, "a)", 2, "unexpected ')' at position 2")]
    [InlineData(FilterFieldType.Text, "Shop (EU)", 6, "unexpected '(' at position 6")]
    [InlineData(FilterFieldType.Text, "'abc", 1, "the quote opened at position 1 is not closed")]
    [InlineData(FilterFieldType.Text, "<>", 3, "expected a value at position 3")]
    [InlineData(FilterFieldType.Text, "..", 3, "expected a value at position 3")]
    [InlineData(FilterFieldType.Text, ">*a*", 1, "'>' cannot be combined with a wildcard value at position 1")]
    [InlineData(FilterFieldType.Text, "a*..b", 2, "a range cannot have a wildcard end (position 2)")]
    [InlineData(FilterFieldType.Text, "c..a", 1, "the range at position 1 is empty: c is after a")]
    [InlineData(FilterFieldType.Integer, "12x", 1, "'12x' at position 1 is not an Integer")]
    [InlineData(FilterFieldType.Integer, "1|1.5", 3, "'1.5' at position 3 is not an Integer")]
    [InlineData(FilterFieldType.Integer, "1*", 2, "wildcards (* ?) are not allowed on an Integer field (position 2)")]
    [InlineData(FilterFieldType.Integer, "@1", 1, "'@' (ignore case) is not allowed on an Integer field (position 1)")]
    [InlineData(FilterFieldType.Integer, "50..10", 1, "the range at position 1 is empty: 50 is after 10")]
    [InlineData(FilterFieldType.Integer, ">''", 2, "'' (empty) can only follow = or <> on an Integer field (position 2)")]
    [InlineData(FilterFieldType.Integer, "''..5", 1, "'' (empty) cannot end a range on an Integer field (position 1)")]
    [InlineData(FilterFieldType.Decimal, "1,5", 1, "'1,5' at position 1 is not a Decimal")]
    [InlineData(FilterFieldType.Boolean, "maybe", 1, "'maybe' at position 1 is not a Boolean (use true/false, yes/no or 1/0)")]
    [InlineData(FilterFieldType.Date, ">=31-01-2024", 3, "'31-01-2024' at position 3 is not a Date (use yyyy-MM-dd)")]
    [InlineData(FilterFieldType.Date, "2024-02-30", 1, "'2024-02-30' at position 1 is not a Date")]
    [InlineData(FilterFieldType.DateTime, "2024-01-31 10:00", 1, "'2024-01-31 10:00' at position 1 is not a DateTime")]
    public void Parse_Malformed_ReportsFieldPositionAndReason(FilterFieldType type, string expression, int position, string message)
    {
        var problem = Problem(type, expression);
        Assert.Equal(position, problem.Position);
        Assert.Equal("F", problem.Name);
        Assert.Equal(FilterProblemKind.Filter, problem.Kind);
        Assert.StartsWith("filter \"F\": ", problem.Message, StringComparison.Ordinal);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownOptionValue_ListsValidValues()
    {
        var field = SyncOrders.FindField("financial status")!;
        var problem = Assert.Throws<FilterValidationException>(() => FieldFilter.Parse(field, "Paid|Payd")).First;
        Assert.Equal(
            "filter \"Financial Status\": 'Payd' at position 6 is not an option; valid: Pending, Authorized, Partially Paid, Paid, Partially Refunded, Refunded, Voided",
            problem.Message);
        Assert.Equal(6, problem.Position);
    }

    [Fact]
    public void Parse_OptionWildcardMatchingNothing_IsRejected()
    {
        var problem = Problem(FilterFieldType.Option, "Payd*", FinancialStatuses);
        Assert.Contains("'Payd*' at position 1 matches no option; valid: Pending", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FilterFieldType.Boolean, "*")]
    [InlineData(FilterFieldType.Date, "2024-01-*")]
    [InlineData(FilterFieldType.DateTime, "?")]
    [InlineData(FilterFieldType.Decimal, "1?")]
    public void Parse_WildcardOnNonTextType_IsRejected(FilterFieldType type, string expression)
    {
        Assert.Contains("wildcards (* ?) are not allowed", Problem(type, expression).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_QuotedWildcardOnInteger_IsATypeErrorNotAWildcardError()
    {
        Assert.Contains("'*' at position 1 is not an Integer", Problem(FilterFieldType.Integer, "'*'").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PositionCountsLeadingWhitespace()
    {
        Assert.Equal(4, Problem(FilterFieldType.Integer, "   x").Position);
    }
}
