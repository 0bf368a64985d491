using ShopSync.Queue.Filters;
using static ShopSync.Queue.Tests.Filters.TestPages;

namespace ShopSync.Queue.Tests.Filters;

public sealed class RequestPageValidationTests
{
    [Fact]
    public void Validate_FullyPaidExample_FiltersOrders()
    {
        var filters = SyncOrders.Validate([("Fully Paid", "true")]);

        Assert.True(filters.Matches("Fully Paid", true));
        Assert.False(filters.Matches("Fully Paid", false));
        Assert.True(filters.Matches("Financial Status", "Pending"));
    }

    [Fact]
    public void Validate_FieldNamesAreCaseInsensitive_ReportedInDeclaredSpelling()
    {
        var filters = SyncOrders.Validate([("fully PAID", "yes")]);

        Assert.Equal("Fully Paid", Assert.Single(filters.Filters).Field.Name);
        Assert.True(filters.Matches("FULLY PAID", true));
    }

    [Fact]
    public void Validate_UnknownField_ListsValidFields()
    {
        var error = Assert.Throws<FilterValidationException>(() => SyncOrders.Validate([("Fuly Paid", "true")]));

        var problem = error.First;
        Assert.Equal("Fuly Paid", problem.Name);
        Assert.Null(problem.Position);
        Assert.StartsWith(
            "unknown field \"Fuly Paid\" for report 30104 Sync Orders from Shopify (did you mean \"Fully Paid\"?); valid fields: Fully Paid, Financial Status, Fulfillment Status, Confirmed, Import Action, Channel, Order No., ",
            problem.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsAllOfThem()
    {
        var error = Assert.Throws<FilterValidationException>(() => SyncOrders.Validate(
            [("Fully Paid", "maybe"), ("Nope", "x"), ("Order No.", ">1001..1050"), ("Tags", "*vip*")],
            [("Max Orders", "ten"), ("Colour", "red")]));

        Assert.Equal(
            ["Fully Paid", "Nope", "Order No.", "Max Orders", "Colour"],
            error.Problems.Select(p => p.Name));
        Assert.Contains("filter \"Order No.\": unexpected '..' at position 6", error.Message, StringComparison.Ordinal);
        Assert.Contains("option \"Max Orders\": 'ten' is not an Integer", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown option \"Colour\" for report 30104 Sync Orders from Shopify; valid options: Only Unpaid Reminder, ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SameFieldTwice_IsRejected()
    {
        var error = Assert.Throws<FilterValidationException>(() => SyncOrders.Validate([("Tags", "a"), ("TAGS", "b")]));

        Assert.Equal("filter \"Tags\": given more than once; combine the expressions with & or | instead", error.First.Message);
    }

    [Fact]
    public void Validate_Options_AreTyped()
    {
        var filters = SyncOrders.Validate(
            [],
            [
                ("only unpaid reminder", "Yes"), ("Max Orders", "250"), ("Min Amount", "10.5"), ("Since", "2024-01-01"),
                ("Updated After", "2024-01-01T10:00:00+01:00"), ("Location", "main"), ("Note", " as is "), ("Mode", "thorough"),
            ]);

        Assert.True(filters.GetBoolean("Only Unpaid Reminder", false));
        Assert.Equal(250L, filters.GetInteger("Max Orders", 0));
        Assert.Equal(10.5m, filters.GetDecimal("Min Amount", 0));
        Assert.Equal(new DateOnly(2024, 1, 1), filters.GetDate("Since"));
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero), filters.GetDateTime("Updated After"));
        Assert.Equal("MAIN", filters.GetText("Location", ""));
        Assert.Equal(" as is ", filters.GetText("Note", ""));
        Assert.Equal("Thorough", filters.GetText("Mode", "Fast"));
        Assert.Equal(
            ["true", "250", "10.5", "2024-01-01", "2024-01-01T09:00:00Z", "MAIN", " as is ", "Thorough"],
            filters.Options.Select(o => o.Text));
    }

    [Fact]
    public void GetOption_NotGiven_ReturnsDefault()
    {
        var filters = SyncOrders.Validate([]);

        Assert.True(filters.GetBoolean("Only Unpaid Reminder", true));
        Assert.Null(filters.GetDate("Since"));
        Assert.False(filters.HasOption("Mode"));
    }

    [Fact]
    public void GetOption_WrongTypeOrUndeclared_Throws()
    {
        var filters = SyncOrders.Validate([]);

        Assert.Throws<InvalidOperationException>(() => filters.GetBoolean("Max Orders", false));
        Assert.Throws<ArgumentException>(() => filters.GetBoolean("Only Sync Prices", false));
        Assert.Throws<ArgumentException>(() => filters.Matches("Nope", "x"));
    }

    [Theory]
    [InlineData("Mode", "Slow", "option \"Mode\": 'Slow' is not an option; valid: Fast, Thorough")]
    [InlineData("Only Unpaid Reminder", "sometimes", "option \"Only Unpaid Reminder\": 'sometimes' is not a Boolean")]
    [InlineData("Since", "01/02/2024", "option \"Since\": '01/02/2024' is not a Date (use yyyy-MM-dd)")]
    [InlineData("Min Amount", "1e3", "option \"Min Amount\": '1e3' is not a Decimal")]
    public void Validate_BadOptionValue_NamesOption(string name, string value, string message)
    {
        var error = Assert.Throws<FilterValidationException>(() => SyncOrders.Validate([], [(name, value)]));

        Assert.Equal(FilterProblemKind.Option, error.First.Kind);
        Assert.StartsWith(message, error.First.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryValidate_Invalid_ReturnsProblemsWithoutThrowing()
    {
        var ok = SyncOrders.TryValidate([("Line Count", "x")], null, out var result, out var problems);

        Assert.False(ok);
        Assert.Null(result);
        Assert.Equal("Line Count", Assert.Single(problems).Name);
    }

    [Fact]
    public void Filters_AreListedInDeclarationOrder()
    {
        var filters = SyncOrders.Validate([("Tags", "*vip*"), ("Fully Paid", "true")]);

        Assert.Equal(["Fully Paid", "Tags"], filters.Filters.Select(f => f.Field.Name));
        Assert.Equal("*vip*", filters.Filters[1].Expression);
    }
}
