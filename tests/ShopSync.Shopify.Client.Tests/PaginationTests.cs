using ShopSync.Testing.Shopify;
using ShopSync.Shopify.Client;

namespace ShopSync.Shopify.Client.Tests;

public sealed class PaginationTests
{
    [Fact]
    public async Task GetCustomersAsync_SmallPages_ReadsEveryCustomerOnceWithPerPageCursors()
    {
        await using var context = await ShopifyTestContext.StartAsync(new() { Customers = 30 });
        var client = context.Client();

        var pages = new List<ShopifyPage<ShopifyCustomer>>();
        await foreach (var page in client.GetCustomersAsync(new ShopifyPageRequest(PageSize: 7), CancellationToken.None))
        {
            pages.Add(page);
        }

        Assert.Equal(5, pages.Count);
        Assert.Equal(30, pages.SelectMany(p => p.Items).Select(c => c.Id).Distinct().Count());
        Assert.Equal([1, 2, 3, 4, 5], pages.Select(p => p.Number));
        Assert.All(pages.Take(4), p => Assert.True(p.HasNextPage));
        Assert.False(pages[^1].HasNextPage);
        Assert.Null(pages[0].StartAfter);
        Assert.Equal(pages[0].EndCursor, pages[1].StartAfter);
        Assert.All(pages, p => Assert.NotNull(p.EndCursor));
    }

    [Fact]
    public async Task GetCustomersAsync_ResumedFromSavedCursor_ContinuesAfterThatPage()
    {
        await using var context = await ShopifyTestContext.StartAsync(new() { Customers = 30 });
        var client = context.Client();
        var all = await client.GetCustomersAsync(new ShopifyPageRequest(PageSize: 10), CancellationToken.None).ItemsAsync().ToListAsync();
        var first = await client.GetCustomersAsync(new ShopifyPageRequest(PageSize: 10), CancellationToken.None).FirstAsync();

        var rest = await client.GetCustomersAsync(new ShopifyPageRequest(PageSize: 10, After: first.EndCursor), CancellationToken.None).ItemsAsync().ToListAsync();

        Assert.Equal(all.Skip(10).Select(c => c.Id), rest.Select(c => c.Id));
    }

    [Fact]
    public async Task GetOrdersAsync_UpdatedAfterWatermark_ReturnsOnlyNewerOrdersSortedByUpdatedAt()
    {
        await using var context = await ShopifyTestContext.StartAsync(new() { Orders = 60, RestoreRate = 5000 });
        var client = context.Client();
        var all = await client.GetOrdersAsync(new ShopifyPageRequest(), CancellationToken.None).ItemsAsync().ToListAsync();
        var watermark = all[30].UpdatedAt;

        var newer = await client.GetOrdersAsync(new ShopifyPageRequest(Query: ShopifyPageRequest.UpdatedAfter(watermark)), CancellationToken.None).ItemsAsync().ToListAsync();

        Assert.Equal(60, all.Count);
        Assert.Equal(all.OrderBy(o => o.UpdatedAt).Select(o => o.Id), all.Select(o => o.Id));
        Assert.NotEmpty(newer);
        Assert.All(newer, o => Assert.True(o.UpdatedAt > watermark));
        Assert.Equal(all.Count(o => o.UpdatedAt > watermark), newer.Count);
    }

    [Fact]
    public void PageRequest_PageSizeAbove250_IsRejectedNamingTheField()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ShopifyPageRequest(PageSize: 251).ResolvePageSize(10));

        Assert.Contains("PageSize", error.Message, StringComparison.Ordinal);
    }
}
