using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Sync;

namespace ShopSync.Connector.Tests.Sync.Tasks;

/// <summary>Sync Customers, Sync Companies and Sync Products in process against the sandbox: a second run adds no row.</summary>
public sealed class MasterDataTaskTests
{
    public static TheoryData<int, string> Imports => new()
    {
        { SyncReportIds.SyncCustomers, "customers" },
        { SyncReportIds.SyncCompanies, "companies" },
        { SyncReportIds.SyncProducts, "products" },
    };

    private static Task<int> CountAsync(ConnectorDbContext db, string table) => table switch
    {
        "customers" => db.SyncCustomers.CountAsync(),
        "companies" => db.SyncCompanies.CountAsync(),
        _ => db.SyncProducts.CountAsync(),
    };

    [Theory]
    [MemberData(nameof(Imports))]
    public async Task Import_RunTwice_MapsEveryRecordOnceAndSecondRunAddsNothing(int reportId, string table)
    {
        await using var harness = await SyncTaskHarness.CreateAsync(shop: new() { AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = true });

        var first = await harness.RunAsync(reportId);
        int rows;
        await using (var db = harness.OpenDb())
        {
            rows = await CountAsync(db, table);
        }

        var second = await harness.RunAsync(reportId);

        Assert.Null(first.Error);
        Assert.Null(second.Error);
        Assert.True(rows > 0, $"{table}: nothing imported ({first})");
        await using (var db = harness.OpenDb())
        {
            Assert.Equal(rows, await CountAsync(db, table));
        }
    }

    [Fact]
    public async Task SyncCustomers_StoreFailsOnTheFirstPage_NextAttemptImportsEveryCustomer()
    {
        await using var harness = await SyncTaskHarness.CreateAsync();
        harness.Store.InjectFaults(new ShopSync.Shopify.Sandbox.SandboxFault(ShopSync.Shopify.Sandbox.SandboxFaultKind.InternalServerError));

        var failed = await harness.RunAsync(SyncReportIds.SyncCustomers);
        var resumed = await harness.RunAsync(SyncReportIds.SyncCustomers, checkpoint: failed.Progress.Checkpoint, attempt: 2);

        Assert.NotNull(failed.Error);
        Assert.Null(resumed.Error);
        await using var db = harness.OpenDb();
        Assert.Equal(harness.Store.CustomerCount, await db.SyncCustomers.CountAsync());
    }
}
