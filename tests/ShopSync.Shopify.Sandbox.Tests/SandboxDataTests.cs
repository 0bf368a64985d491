using ShopSync.Testing.Shopify;
using ShopSync.Shopify.Client;
using ShopSync.Shopify.Sandbox;

namespace ShopSync.Shopify.Sandbox.Tests;

public sealed class SandboxDataTests
{
    [Fact]
    public void Seed_SameSeedAndSizes_GivesIdenticalStores()
    {
        var first = SandboxSeeder.Seed(new SandboxOptions { Seed = 7 });
        var second = SandboxSeeder.Seed(new SandboxOptions { Seed = 7 });
        var other = SandboxSeeder.Seed(new SandboxOptions { Seed = 8 });

        static string Dump(SandboxData d) => string.Join("\n", d.Orders.Concat(d.Products).Concat(d.Customers).Select(o => o.ToJsonString()));
        Assert.Equal(Dump(first), Dump(second));
        Assert.NotEqual(Dump(first), Dump(other));
    }

    [Fact]
    public void Seed_BenchmarkSize_HoldsTenThousandOrdersWithPayments()
    {
        var data = SandboxSeeder.Seed(SandboxOptions.Benchmark());

        Assert.Equal(10_000, data.Orders.Count);
        Assert.Equal(100, data.Payouts.Count);
        Assert.True(data.BalanceTransactions.Count > 5_000);
    }

    [Fact]
    public async Task Orders_DefaultDemo_CoverEveryFinancialFulfillmentRiskAndChannelState()
    {
        await using var context = await ShopifyTestContext.StartAsync();

        var orders = await context.Client().GetOrdersAsync(new ShopifyPageRequest(PageSize: 10), CancellationToken.None).ItemsAsync().ToListAsync();

        Assert.Equal(["AUTHORIZED", "PAID", "PARTIALLY_PAID", "PARTIALLY_REFUNDED", "PENDING", "REFUNDED", "VOIDED"], orders.Select(o => o.DisplayFinancialStatus).Distinct().Order());
        Assert.Equal(["FULFILLED", "PARTIALLY_FULFILLED", "UNFULFILLED"], orders.Select(o => o.DisplayFulfillmentStatus).Distinct().Order());
        Assert.Contains(orders, o => o.CancelledAt is not null);
        Assert.Contains(orders, o => o.FullyPaid);
        Assert.Contains(orders, o => !o.FullyPaid);
        Assert.Contains(orders, o => o.Customer is null);
        Assert.Contains(orders, o => o.Tags.Count > 0);
        Assert.Equal(["ACCEPT", "CANCEL", "INVESTIGATE"], orders.Select(o => o.Risk!.Recommendation).Distinct().Order());
        Assert.True(orders.Select(o => o.ChannelInformation!.ChannelDefinition!.Handle).Distinct().Count() >= 3);
        Assert.True(orders.Select(o => o.ShippingAddress!.CountryCodeV2).Distinct().Count() >= 3);
        Assert.All(orders, o => Assert.NotEmpty(o.LineItems.Nodes));
    }

    [Fact]
    public async Task Reads_EveryResource_AnswerWithSeededData()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        var client = context.Client();

        var products = await client.GetProductsAsync(new ShopifyPageRequest(), CancellationToken.None).ItemsAsync().ToListAsync();
        var companies = await client.GetCompaniesAsync(new ShopifyPageRequest(), CancellationToken.None).ItemsAsync().ToListAsync();
        var locations = await client.GetLocationsAsync(CancellationToken.None);
        var levels = await client.GetInventoryLevelsAsync(locations[0].Id, new ShopifyPageRequest(PageSize: 25), CancellationToken.None).ItemsAsync().ToListAsync();
        var payouts = await client.GetPayoutsAsync(new ShopifyPageRequest(), CancellationToken.None).ItemsAsync().ToListAsync();
        var transactions = await client.GetBalanceTransactionsAsync(new ShopifyPageRequest(), CancellationToken.None).ItemsAsync().ToListAsync();
        var disputes = await client.GetDisputesAsync(new ShopifyPageRequest(), CancellationToken.None).ItemsAsync().ToListAsync();
        var catalogs = await client.GetCatalogsAsync(new ShopifyPageRequest(), CancellationToken.None).ItemsAsync().ToListAsync();

        Assert.Equal(20, products.Count);
        Assert.All(products, p => Assert.NotEmpty(p.Variants.Nodes));
        Assert.All(products.SelectMany(p => p.Variants.Nodes), v => Assert.StartsWith("gid://shopify/InventoryItem/", v.InventoryItem.Id, StringComparison.Ordinal));
        Assert.All(products, p => Assert.NotEmpty(p.Images.Nodes));
        Assert.Equal(4, companies.Count);
        Assert.All(companies, c => Assert.NotEmpty(c.Locations.Nodes));
        Assert.Equal(products.Sum(p => p.Variants.Nodes.Count), levels.Count);
        Assert.All(levels, l => Assert.NotNull(l.Quantity("available")));
        Assert.Equal(6, payouts.Count);
        Assert.Contains(transactions, t => t.Type == "REFUND" && t.Amount.Amount < 0);
        Assert.Contains(transactions, t => t.AssociatedPayout?.Id is null);
        Assert.Equal(3, disputes.Count);
        Assert.NotEmpty(catalogs);
        Assert.All(catalogs, c => Assert.NotNull(c.PriceList));
    }

    [Fact]
    public async Task Query_UnknownRootField_AnswersGraphQLErrorNotRetried()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        var operation = new ShopifyOperation<ShopData>("Bad", "query Bad { nonsense { id } }", ShopifyJsonContext.Default.ShopData);

        var error = await Assert.ThrowsAsync<ShopifyGraphQLException>(() => context.Client().ExecuteAsync(operation, null, CancellationToken.None));

        Assert.Equal("undefinedField", Assert.Single(error.Errors).Code);
        Assert.Single(context.Store.Requests);
    }

    [Fact]
    public async Task Query_CostAboveSingleQueryLimit_AnswersMaxCostExceeded()
    {
        await using var context = await ShopifyTestContext.StartAsync();

        var error = await Assert.ThrowsAsync<ShopifyGraphQLException>(
            () => context.Client().GetOrdersAsync(new ShopifyPageRequest(PageSize: 250), CancellationToken.None).FirstAsync().AsTask());

        Assert.Equal("MAX_COST_EXCEEDED", Assert.Single(error.Errors).Code);
    }

    [Fact]
    public async Task FaultsEndpoint_Post_InjectsFaultsOverHttp()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        using var http = new HttpClient();

        var response = await http.PostAsync(new Uri(context.Host.BaseUrl, "sandbox/faults"), new StringContent("""{"kind":"ServiceUnavailable","count":1}"""));
        await context.Client().GetShopAsync(CancellationToken.None);

        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["fault:ServiceUnavailable", "ok"], context.Store.Requests.Select(r => r.Outcome));
    }
}
