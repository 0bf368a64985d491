using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Entries;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Sync;

namespace ShopSync.Connector.Tests.Sync.Tasks;

public sealed class CompanyExportTaskTests
{
    private const string CompanyCreate = "ShopSyncCompanyCreate";
    private static readonly Dictionary<string, string> Export = new() { [CompanyExporter.Option] = "true" };

    [Fact]
    public async Task SyncCompanies_ExportOn_CreatesEachB2bErpCustomerOnceAndMapsIt()
    {
        await using var server = await SyncTaskHarness.CreateAsync(shop: new() { AutoCreateUnknownCustomers = true });
        await server.Book().UpsertCustomersAsync(
        [
            new ErpCustomerInput("B1", "Nordic Wholesale", Email: "buyer@nordic-wholesale.example.com", Address: "Laugavegur 1", City: "Reykjavík", PostCode: "101", CountryCode: "IS", PriceGroup: "WHOLESALE"),
            new ErpCustomerInput("B2", "Fjord Dealers", Phone: "+4755500001", PriceGroup: "DEALER"),
            new ErpCustomerInput("R1", "Retail Person", Email: "retail@example.com"),
            new ErpCustomerInput("X1", "Blocked Dealer", Email: "blocked@example.com", PriceGroup: "DEALER", Blocked: true),
        ], CancellationToken.None);
        var companiesBefore = server.Store.CompanyCount;

        var run = await server.RunAsync(SyncReportIds.SyncCompanies, options: Export);

        Assert.True(run.Result == JobResult.Succeeded, run.Describe());
        Assert.Equal(server.Store.Options.Companies + 2, run.Counters.Done);
        // Progress events are coalesced, so the last one seen need not be the last one sent: count the calls instead.
        Assert.Equal(2, server.Mutations(CompanyCreate));
        Assert.Equal(companiesBefore + 2, server.Store.CompanyCount);
        Assert.Empty(server.Store.GetCompanyIds("R1"));
        Assert.Empty(server.Store.GetCompanyIds("X1"));
        var b1 = Assert.Single(server.Store.GetCompanyIds("B1"));
        Assert.Equal("buyer@nordic-wholesale.example.com", server.Store.GetCompanyContactEmail(b1));
        await using (var db = server.OpenDb())
        {
            var row = await db.SyncCompanies.SingleAsync(c => c.ShopifyCompanyId == b1);
            Assert.Equal("B1", row.CustomerNo);
            Assert.Equal("B1", row.ExternalId);
            Assert.Equal(1, row.LocationCount);
            Assert.Equal("B2", (await db.SyncCompanies.SingleAsync(c => c.ExternalId == "B2")).CustomerNo);
        }

        var second = await server.RunAsync(SyncReportIds.SyncCompanies, options: Export);

        Assert.True(second.Result == JobResult.Succeeded, second.Describe());
        Assert.Equal(2, server.Mutations(CompanyCreate));
        await using var after = server.OpenDb();
        var rows = await after.SyncCompanies.ToListAsync();
        Assert.Equal(server.Store.CompanyCount, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.ShopifyCompanyId).Distinct().Count());
    }

    [Fact]
    public async Task SyncCompanies_AnswerOfCompanyCreateLost_RetryFindsTheCreatedCompanyByExternalIdAndMapsIt()
    {
        await using var server = await SyncTaskHarness.CreateAsync(shop: new() { AutoCreateUnknownCustomers = true }, clientAttempts: 3);
        await server.Book().UpsertCustomersAsync([new ErpCustomerInput("B1", "Nordic Wholesale", Email: "buyer@nordic-wholesale.example.com", PriceGroup: "WHOLESALE")], CancellationToken.None);
        server.Store.LoseNextAnswer(CompanyCreate);

        var run = await server.RunAsync(SyncReportIds.SyncCompanies, options: Export);

        Assert.True(run.Result == JobResult.Succeeded, run.Describe());
        var id = Assert.Single(server.Store.GetCompanyIds("B1"));
        var creates = server.Store.Requests.Where(r => r.OperationName == CompanyCreate).ToList();
        Assert.Equal(["lost-answer", "ok"], creates.Select(r => r.Outcome));
        await using var db = server.OpenDb();
        Assert.Equal("B1", (await db.SyncCompanies.SingleAsync(c => c.ShopifyCompanyId == id)).CustomerNo);
        Assert.False(await db.SyncRecordIssues.AnyAsync(i => i.RecordKey == "company:B1"));
    }

    [Fact]
    public async Task SyncCompanies_ExternalIdTakenByCompanyMappedElsewhere_RecordsFailureAndExportsTheRest()
    {
        await using var server = await SyncTaskHarness.CreateAsync();
        // The seeded company "Reykjavik Outfitters" (external id ERP-C0001) maps to K1 by name and contact e-mail.
        await server.Book().UpsertCustomersAsync([new ErpCustomerInput("K1", "Reykjavik Outfitters", Email: "customer1@sandbox.example.com")], CancellationToken.None);
        await server.RunAsync(SyncReportIds.SyncCompanies);
        await server.Book().UpsertCustomersAsync(
        [
            new ErpCustomerInput("ERP-C0001", "Reykjavik Outfitters ehf", PriceGroup: "WHOLESALE"),
            new ErpCustomerInput("Z2", "Zealand Traders", Email: "orders@zealand.example.com", PriceGroup: "WHOLESALE"),
        ], CancellationToken.None);

        var run = await server.RunAsync(SyncReportIds.SyncCompanies, options: Export);

        Assert.True(run.Result == JobResult.SucceededWithWarnings, run.Describe());
        Assert.Equal(1, run.Counters.Failed);
        Assert.Equal(1, run.Counters.Done);
        Assert.Single(server.Store.GetCompanyIds("ERP-C0001"));
        Assert.Single(server.Store.GetCompanyIds("Z2"));
        await using var db = server.OpenDb();
        var issue = await db.SyncRecordIssues.SingleAsync(i => i.RecordKey == "company:ERP-C0001");
        Assert.Equal(SyncRecordIssueKind.Failed, issue.Kind);
        Assert.Contains("has already been taken", issue.Message, StringComparison.Ordinal);
        Assert.Contains("mapped to ERP customer K1", issue.Message, StringComparison.Ordinal);
        Assert.Equal("K1", (await db.SyncCompanies.SingleAsync(c => c.ExternalId == "ERP-C0001")).CustomerNo);
        Assert.Equal("Z2", (await db.SyncCompanies.SingleAsync(c => c.ExternalId == "Z2")).CustomerNo);
    }

    [Fact]
    public async Task SyncCompanies_ReadOnlyShopExport_IsSkippedAndRecorded()
    {
        await using var server = await SyncTaskHarness.CreateAsync(shop: new() { AllowOutgoingRequests = false, AutoCreateUnknownCustomers = true });
        await server.Book().UpsertCustomersAsync([new ErpCustomerInput("B1", "Nordic Wholesale", Email: "buyer@nordic-wholesale.example.com", PriceGroup: "WHOLESALE")], CancellationToken.None);

        var run = await server.RunAsync(SyncReportIds.SyncCompanies, options: Export);

        Assert.True(run.Result == JobResult.SucceededWithWarnings, run.Describe());
        Assert.Equal(1, run.Counters.Skipped);
        Assert.Empty(server.Store.GetCompanyIds("B1"));
        Assert.Equal(0, server.Store.Requests.Count(r => r.OperationName == CompanyCreate));
        await using var db = server.OpenDb();
        var issue = await db.SyncRecordIssues.SingleAsync(i => i.RecordKey == "company:B1");
        Assert.Equal(SyncRecordIssueKind.Skipped, issue.Kind);
        Assert.Contains("read-only", issue.Message, StringComparison.Ordinal);
    }
}
