using ShopSync.Queue.Filters;
using static ShopSync.Queue.Tests.Filters.TestPages;

namespace ShopSync.Queue.Tests.Filters;

public sealed class FilterPushDownTests
{
    [Fact]
    public void TryGetEquals_SingleValue_ReturnsTypedValue()
    {
        var filters = SyncOrders.Validate([("Fully Paid", "yes"), ("Financial Status", "paid"), ("Order No.", "#1001")]);

        Assert.True(filters.TryGetEquals("Fully Paid", out var paid));
        Assert.Equal(true, paid);
        Assert.True(filters.TryGetEquals("Financial Status", out var status));
        Assert.Equal("Paid", status);
        Assert.True(filters.TryGetEquals("Order No.", out var no));
        Assert.Equal("#1001", no);
        Assert.False(filters.TryGetEquals("Tags", out _));
    }

    [Theory]
    [InlineData("<>Paid")]
    [InlineData("Paid|Pending")]
    [InlineData("*Paid")]
    public void TryGetEquals_NotASingleValue_ReturnsFalse(string expression)
    {
        Assert.False(SyncOrders.Validate([("Financial Status", expression)]).TryGetEquals("Financial Status", out _));
    }

    [Fact]
    public void TryGetValues_OrOfValues_ReturnsDeclaredNames()
    {
        var filters = SyncOrders.Validate([("Financial Status", "paid|PARTIALLY PAID")]);

        Assert.True(filters.TryGetValues("Financial Status", out var values));
        Assert.Equal(["Paid", "Partially Paid"], values);
        Assert.False(SyncOrders.Validate([("Tags", "a|b*")]).TryGetValues("Tags", out _));
    }

    [Fact]
    public void TryGetRange_Interval_ReturnsBounds()
    {
        var filters = SyncOrders.Validate([("Line Count", "2.."), ("Updated At", "2024-01-31"), ("Total Amount", "<100")]);

        Assert.True(filters.TryGetRange("Line Count", out var lines));
        Assert.Equal(new FilterRange(2L, true, null, false), lines);
        Assert.True(filters.TryGetRange("Updated At", out var day));
        Assert.Equal(
            new FilterRange(
                new DateTimeOffset(2024, 1, 31, 0, 0, 0, TimeSpan.Zero), true,
                new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), false),
            day);
        Assert.True(filters.TryGetRange("Total Amount", out var amount));
        Assert.Equal(new FilterRange(null, false, 100m, false), amount);
        Assert.False(filters.TryGetRange("Tags", out _));
    }
}
