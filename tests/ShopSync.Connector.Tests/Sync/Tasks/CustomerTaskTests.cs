using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Entries;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Sync;

namespace ShopSync.Connector.Tests.Sync.Tasks;

public sealed class CustomerTaskTests
{
    [Fact]
    public async Task SyncCustomers_ErpCustomerWithSameEmail_IsMappedAndOthersStayUnmappedWithReason()
    {
        await using var server = await SyncTaskHarness.CreateAsync();
        await server.Book().UpsertCustomersAsync([new ErpCustomerInput("K1", "Known", Email: "Customer1@Sandbox.example.com")], CancellationToken.None);

        var run = await server.RunAsync(SyncReportIds.SyncCustomers);

        Assert.Equal(JobResult.SucceededWithWarnings, run.Result);
        Assert.Equal(1, run.Counters.Done);
        Assert.Equal(server.Store.CustomerCount - 1, run.Counters.Skipped);
        await using var db = server.OpenDb();
        Assert.Equal("K1", (await db.SyncCustomers.SingleAsync(c => c.Email == "customer1@sandbox.example.com")).CustomerNo);
        var unmapped = await db.SyncCustomers.Where(c => c.CustomerNo == null).ToListAsync();
        Assert.Equal(server.Store.CustomerCount - 1, unmapped.Count);
        Assert.All(unmapped, c => Assert.Contains("auto_create_unknown_customers is off", c.MappingError, StringComparison.Ordinal));

        var second = await server.RunAsync(SyncReportIds.SyncCustomers);

        Assert.Equal(JobResult.Succeeded, second.Result);
        Assert.Equal(0, second.Counters.Done + second.Counters.Skipped);
    }

    [Fact]
    public async Task SyncCustomers_AutoCreateAndExport_CreatesErpCustomersAndExportsUnmappedErpCustomersOnce()
    {
        await using var server = await SyncTaskHarness.CreateAsync(shop: new() { AutoCreateUnknownCustomers = true });
        await server.Book().UpsertCustomersAsync([new ErpCustomerInput("NEW1", "New Person", Email: "new.person@example.com")], CancellationToken.None);
        var export = new Dictionary<string, string> { ["Export ERP Customers"] = "true" };

        var run = await server.RunAsync(SyncReportIds.SyncCustomers, options: export);

        Assert.Equal(JobResult.Succeeded, run.Result);
        Assert.True(server.Store.HasCustomer("new.person@example.com"));
        await using (var db = server.OpenDb())
        {
            Assert.Equal(server.Store.CustomerCount, await db.SyncCustomers.CountAsync(c => c.CustomerNo != null));
            Assert.Equal(server.Store.CustomerCount, await db.ErpCustomers.CountAsync());
        }

        var second = await server.RunAsync(SyncReportIds.SyncCustomers, options: export);

        Assert.Equal(JobResult.Succeeded, second.Result);
        Assert.Equal(1, server.Mutations("ShopSyncCustomerCreate"));
    }

    [Fact]
    public async Task SyncCustomers_ReadOnlyShopExport_IsSkippedAndRecorded()
    {
        await using var server = await SyncTaskHarness.CreateAsync(shop: new() { AllowOutgoingRequests = false });
        await server.Book().UpsertCustomersAsync([new ErpCustomerInput("NEW1", "New Person", Email: "new.person@example.com")], CancellationToken.None);

        var run = await server.RunAsync(SyncReportIds.SyncCustomers, options: new Dictionary<string, string> { ["Export ERP Customers"] = "true" });

        Assert.Equal(JobResult.SucceededWithWarnings, run.Result);
        Assert.False(server.Store.HasCustomer("new.person@example.com"));
        await using var db = server.OpenDb();
        var issue = await db.SyncRecordIssues.SingleAsync(i => i.RecordKey == "customer:NEW1");
        Assert.Equal(SyncRecordIssueKind.Skipped, issue.Kind);
        Assert.Contains("read-only", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncCompanies_AutoCreateOn_MapsEveryCompanyOnceAndSecondRunChangesNothing()
    {
        await using var server = await SyncTaskHarness.CreateAsync(shop: new() { AutoCreateUnknownCustomers = true });

        var run = await server.RunAsync(SyncReportIds.SyncCompanies);
        var second = await server.RunAsync(SyncReportIds.SyncCompanies);

        Assert.Equal(JobResult.Succeeded, run.Result);
        Assert.Equal(server.Store.Options.Companies, run.Counters.Done);
        Assert.Equal(0, second.Counters.Done);
        await using var db = server.OpenDb();
        Assert.Equal(server.Store.Options.Companies, await db.SyncCompanies.CountAsync(c => c.CustomerNo != null));
        Assert.Equal(server.Store.Options.Companies, await db.ErpCustomers.CountAsync());
    }

    [Fact]
    public async Task SyncCompanies_AutoCreateOff_LeavesCompaniesUnmappedExceptByExternalId()
    {
        await using var server = await SyncTaskHarness.CreateAsync();
        await server.Book().UpsertCustomersAsync([new ErpCustomerInput("ERP-C0001", "Mapped by external id")], CancellationToken.None);

        var run = await server.RunAsync(SyncReportIds.SyncCompanies);

        Assert.Equal(JobResult.SucceededWithWarnings, run.Result);
        Assert.Equal(1, run.Counters.Done);
        await using var db = server.OpenDb();
        Assert.Equal("ERP-C0001", (await db.SyncCompanies.SingleAsync(c => c.CustomerNo != null)).CustomerNo);
        Assert.Equal(server.Store.Options.Companies - 1, await db.SyncCompanies.CountAsync(c => c.CustomerNo == null && c.MappingError != null));
    }
}
