using ShopSync.Queue.Filters;

namespace ShopSync.Queue.Tests.Filters;

/// <summary>Request pages and one-field helpers shared by the filter tests.</summary>
internal static class TestPages
{
    public static readonly string[] FinancialStatuses =
        ["Pending", "Authorized", "Partially Paid", "Paid", "Partially Refunded", "Refunded", "Voided"];

    public static RequestPageDefinition SyncOrders { get; } = RequestPageDefinition.For(30104, "Sync Orders from Shopify")
        .Boolean("Fully Paid", "The order is fully paid")
        .Option("Financial Status", FinancialStatuses)
        .Option("Fulfillment Status", "Unfulfilled", "Partially Fulfilled", "Fulfilled")
        .Boolean("Confirmed")
        .Option("Import Action", "New", "Update")
        .Text("Channel")
        .Code("Order No.")
        .Boolean("High Risk")
        .Text("Tags")
        .Code("Sell-to Country/Region Code")
        .Decimal("Total Amount")
        .Integer("Line Count")
        .Date("Document Date")
        .DateTime("Updated At")
        .BooleanOption("Only Unpaid Reminder")
        .IntegerOption("Max Orders")
        .DecimalOption("Min Amount")
        .DateOption("Since")
        .DateTimeOption("Updated After")
        .CodeOption("Location")
        .TextOption("Note")
        .ChoiceOption("Mode", "Fast", "Thorough")
        .Build();

    public static RequestPageField Field(FilterFieldType type, params string[] options)
        => new("F", type, type == FilterFieldType.Option ? options : [], string.Empty);

    public static FieldFilter Parse(FilterFieldType type, string expression, params string[] options)
        => FieldFilter.Parse(Field(type, options), expression);

    public static FilterProblem Problem(FilterFieldType type, string expression, params string[] options)
        => Assert.Throws<FilterValidationException>(() => Parse(type, expression, options)).First;
}
