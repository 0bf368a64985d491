using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopSync.Queue.Storage;
using ShopSync.Queue;
using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Sync;
using ShopSync.Testing;

namespace ShopSync.Connector.Tests.Sync;

public sealed class SyncRegistrationTests
{
    [Fact]
    public async Task AddShopSyncTasks_EveryTask_HasItsAliasAndARequestPage()
    {
        using var directory = new TempDirectory();
        await using var services = Services(directory);

        var catalog = services.GetRequiredService<IReportCatalog>();
        var pages = services.GetServices<RequestPageDefinition>().ToDictionary(p => p.ReportId);

        var expected = new Dictionary<string, int>
        {
            ["orders"] = 30104, ["create-orders"] = 30103, ["customers"] = 30100, ["companies"] = 30114, ["products"] = 30108,
            ["inventory"] = 30102, ["images"] = 30107, ["shipments"] = 30109, ["payments"] = 30105, ["disputes"] = 30120,
            ["catalogs"] = 30115, ["catalog-prices"] = 30116, ["post-orders"] = 296, ["post-invoices"] = 297,
        };
        foreach (var (alias, id) in expected)
        {
            Assert.Equal(id, catalog.Resolve(alias)?.ReportId);
            Assert.True(pages.ContainsKey(id), $"report {id} has no request page");
        }
        Assert.Equal(expected.Count, catalog.Reports.Count);
        Assert.NotNull(pages[30108].FindOption("Only Sync Prices"));
        Assert.NotNull(pages[30102].FindOption("Skip Import Stock"));
        Assert.NotNull(pages[30104].FindField("Fully Paid"));
    }

    [Fact]
    public async Task ErpNumberSeries_ConcurrentWriters_NeverShareANumber()
    {
        using var directory = new TempDirectory();
        await using var services = Services(directory);
        var contexts = services.GetRequiredService<IDbContextFactory<ConnectorDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await ProcessMigrationLock.RunAsync(() => db.Database.MigrateAsync(), CancellationToken.None);
        }

        var numbers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var taken = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                await using var db = await contexts.CreateDbContextAsync();
                await using var transaction = await db.Database.BeginTransactionAsync();
                taken.Add(await ErpNumberSeries.NextAsync(db, ErpNumberSeries.SalesOrder, CancellationToken.None));
                await transaction.CommitAsync();
            }
            return taken;
        }));

        var all = numbers.SelectMany(n => n).ToList();
        Assert.Equal(80, all.Distinct().Count());
        Assert.Contains("SO000080", all);
    }

    [Theory]
    [InlineData("PARTIALLY_PAID", "Partially Paid")]
    [InlineData("PAID", "Paid")]
    [InlineData("PENDING_FULFILLMENT", "Pending Fulfillment")]
    [InlineData(null, "")]
    public void ShopifyStatusNames_Display_TurnsShopifyEnumsIntoTheErpSpelling(string? value, string expected) =>
        Assert.Equal(expected, ShopifyStatusNames.Display(value));

    private static ServiceProvider Services(TempDirectory directory)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddShopSyncShops($"Data Source={directory.File("connector.db")};Default Timeout=60");
        services.AddShopSyncQueue();
        services.AddShopSyncTasks();
        return services.BuildServiceProvider();
    }
}
