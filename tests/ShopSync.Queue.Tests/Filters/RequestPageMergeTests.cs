using ShopSync.Queue.Filters;
using static ShopSync.Queue.Tests.Filters.TestPages;

namespace ShopSync.Queue.Tests.Filters;

public sealed class RequestPageMergeTests
{
    [Fact]
    public void OverriddenBy_EntryFilterReplacesDefaultPerField()
    {
        var defaults = SyncOrders.Validate([("Fully Paid", "true"), ("Channel", "Online Store")], [("Mode", "Fast")]);
        var entry = SyncOrders.Validate([("channel", "POS")], [("Max Orders", "5")]);

        var merged = defaults.OverriddenBy(entry);

        Assert.Equal(["Fully Paid", "Channel"], merged.Filters.Select(f => f.Field.Name));
        Assert.True(merged.Matches("Channel", "POS"));
        Assert.False(merged.Matches("Channel", "Online Store"));
        Assert.False(merged.Matches("Fully Paid", false));
        Assert.Equal("Fast", merged.GetText("Mode", ""));
        Assert.Equal(5L, merged.GetInteger("Max Orders", 0));
    }

    [Fact]
    public void OverriddenBy_EmptyEntryExpression_RemovesDefault()
    {
        var defaults = SyncOrders.Validate([("Fully Paid", "true")], [("Mode", "Thorough")]);
        var entry = SyncOrders.Validate([("Fully Paid", "")], [("Mode", "")]);

        var merged = defaults.OverriddenBy(entry);

        Assert.Empty(merged.Filters);
        Assert.Empty(merged.Options);
        Assert.True(merged.Matches("Fully Paid", false));
        Assert.Equal("Fast", merged.GetText("Mode", "Fast"));
    }

    [Fact]
    public void OverriddenBy_EntryWithoutFilters_KeepsDefaults()
    {
        var defaults = SyncOrders.Validate([("Financial Status", "Paid|Partially Paid")]);

        var merged = defaults.OverriddenBy(RequestPageFilters.Empty(SyncOrders));

        Assert.Equal("Paid|Partially Paid", Assert.Single(merged.Filters).NormalizedExpression);
    }

    [Fact]
    public void OverriddenBy_OtherReport_Throws()
    {
        var other = RequestPageDefinition.For(30108, "Sync Products").BooleanOption("Only Sync Prices").Build();

        Assert.Throws<ArgumentException>(() => SyncOrders.Validate([]).OverriddenBy(other.Validate([])));
    }
}
