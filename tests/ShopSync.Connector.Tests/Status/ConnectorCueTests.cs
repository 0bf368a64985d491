using ShopSync.Connector.Status;

namespace ShopSync.Connector.Tests.Status;

/// <summary>Each connector cue counts exactly the rows of its definition, per shop, and its drill-down lists the same rows.</summary>
public sealed class ConnectorCueTests
{
    private const string Seed =
        "INSERT INTO sync_customers (ShopCode, ShopifyCustomerId, UpdatedAt, CustomerNo, MappingError) VALUES " +
        "('A', 'c1', 1, NULL, 'no customer with e-mail x'), ('A', 'c2', 1, 'K1', NULL), ('A', 'c3', 1, NULL, NULL), ('B', 'c4', 1, NULL, NULL);" +
        "INSERT INTO sync_companies (ShopCode, ShopifyCompanyId, Name, LocationCount, UpdatedAt, CustomerNo) VALUES ('A', 'co1', 'Acme', 1, 1, NULL), ('A', 'co2', 'Beta', 1, 1, 'K2');" +
        "INSERT INTO sync_products (ShopCode, ShopifyProductId, Title, UpdatedAt, ItemNo) VALUES ('A', 'p1', 'Shirt', 1, NULL), ('A', 'p2', 'Hat', 1, 'I1'), ('B', 'p3', 'Cap', 1, NULL);" +
        "INSERT INTO sync_orders (ShopCode, ShopifyOrderId, OrderNo, ShopifyCreatedAt, ShopifyUpdatedAt, Confirmed, Test, FinancialStatus, FulfillmentStatus, FullyPaid, Tags, " +
        "HighRisk, CurrencyCode, Subtotal, TotalTax, TotalShipping, Total, TotalOutstanding, ImportedAt, Status, HasUnprocessedUpdate, ProcessingError, SalesDocumentNo) VALUES " +
        "('A', 'o1', '1001', 1, 1, 1, 0, 'Paid', 'Unfulfilled', 1, '', 0, 'USD', '1', '0', '0', '1', '0', 1, 1, 0, 'customer c1 is not mapped', NULL), " +
        "('A', 'o2', '1002', 1, 1, 1, 0, 'Paid', 'Unfulfilled', 1, '', 0, 'USD', '1', '0', '0', '1', '0', 1, 2, 1, NULL, 'SO1'), " +
        "('A', 'o3', '1003', 1, 1, 1, 0, 'Paid', 'Unfulfilled', 1, '', 0, 'USD', '1', '0', '0', '1', '0', 1, 3, 0, NULL, NULL), " +
        "('A', 'o4', '1004', 1, 1, 1, 0, 'Paid', 'Unfulfilled', 1, '', 0, 'USD', '1', '0', '0', '1', '0', 1, 2, 0, NULL, 'SO2');" +
        "INSERT INTO erp_posted_shipments (No, SalesOrderNo, ShopCode, CustomerNo, PostingDate, FulfillmentState, CreatedAt, FulfillmentError) VALUES " +
        "('S1', 'SO1', 'A', 'K1', '2026-01-01', 1, 1, NULL), ('S2', 'SO1', 'A', 'K1', '2026-01-01', 2, 1, NULL), ('S3', 'SO2', 'A', 'K1', '2026-01-01', 3, 1, 'refused'), " +
        "('S4', 'SO2', 'A', 'K1', '2026-01-01', 4, 1, 'no item lines'), ('S5', 'SO9', NULL, 'K9', '2026-01-01', 1, 1, NULL);" +
        "INSERT INTO sync_record_issues (ShopCode, ReportId, RecordKey, Kind, Message, At) VALUES ('A', 30108, 'item:I1', 1, 'no price', 1), ('A', 30108, 'item:I2', 2, 'failed', 1), ('A', 30102, 'inv:1', 1, 'read-only', 1);" +
        "INSERT INTO shopify_api_calls (ShopCode, OperationName, IsMutation, Outcome, Failed, Retries, ThrottledCount, StartedAt, DurationMs, Error) VALUES " +
        "('A', 'Q1', 0, 0, 0, 0, 0, 10, 1, NULL), ('A', 'Q2', 0, 3, 1, 2, 0, 20, 1, 'HTTP 500'), ('A', 'Q3', 0, 3, 1, 2, 0, 30, 1, 'HTTP 401'), ('B', 'Q4', 0, 3, 1, 0, 0, 40, 1, 'x');";

    [Fact]
    public async Task CountAsync_KnownMix_CountsExactlyTheRowsOfEachDefinition()
    {
        await using var fixture = await StatusFixture.CreateAsync();
        await fixture.ExecuteAsync(Seed);

        var counts = await fixture.Counter.CountAsync(["A", "B", "C"], CancellationToken.None);

        var a = counts[0];
        Assert.Equal(2, a[StatusCue.UnmappedCustomers]);
        Assert.Equal(1, a[StatusCue.UnmappedCompanies]);
        Assert.Equal(1, a[StatusCue.UnmappedProducts]);
        Assert.Equal(1, a[StatusCue.UnprocessedOrders]);
        Assert.Equal(1, a[StatusCue.UnprocessedOrderUpdates]);
        Assert.Equal(1, a[StatusCue.UnprocessedShipments]);
        Assert.Equal(1, a[StatusCue.ShipmentErrors]);
        Assert.Equal(3, a[StatusCue.SkippedRecords]);
        Assert.Equal(2, a[StatusCue.ApiErrors]);
        Assert.Equal(1, counts[1][StatusCue.UnmappedCustomers]);
        Assert.Equal(1, counts[1][StatusCue.ApiErrors]);
        Assert.All(counts[2].Values, v => Assert.Equal(0, v));
    }

    [Fact]
    public async Task ListAsync_EveryConnectorCue_ListsTheCountedRecordsPageByPage()
    {
        await using var fixture = await StatusFixture.CreateAsync();
        await fixture.ExecuteAsync(Seed);
        var counts = await fixture.Counter.CountAsync("A", CancellationToken.None);

        foreach (var cue in ConnectorCueCounter.Cues)
        {
            var records = await AllAsync(fixture.Records, "A", cue);
            Assert.True(counts[cue] == records.Count, $"{cue}: counted {counts[cue]}, listed {records.Count}");
            Assert.Equal(records.Count, records.Select(r => r.Key).Distinct().Count());
            Assert.All(records, r => Assert.False(string.IsNullOrEmpty(r.Reason)));
        }
        Assert.Equal(["c1", "c3"], (await AllAsync(fixture.Records, "A", StatusCue.UnmappedCustomers)).Select(r => r.Key));
        Assert.Equal("customer c1 is not mapped", Assert.Single(await AllAsync(fixture.Records, "A", StatusCue.UnprocessedOrders)).Reason);
        Assert.Equal(["item:I1", "inv:1", "S4"], (await AllAsync(fixture.Records, "A", StatusCue.SkippedRecords)).Select(r => r.Key));
        Assert.Equal(["HTTP 401", "HTTP 500"], (await AllAsync(fixture.Records, "A", StatusCue.ApiErrors)).Select(r => r.Reason));
    }

    [Fact]
    public async Task ListAsync_ForeignCursorOrSyncErrors_IsAValidationError()
    {
        await using var fixture = await StatusFixture.CreateAsync();

        var cursor = await Assert.ThrowsAsync<StatusValidationException>(() => fixture.Records.ListAsync("A", StatusCue.UnmappedCustomers, "x1", 5, CancellationToken.None));
        var cue = await Assert.ThrowsAsync<StatusValidationException>(() => fixture.Records.ListAsync("A", StatusCue.SynchronizationErrors, "", 5, CancellationToken.None));

        Assert.Equal("page_token", cursor.Field);
        Assert.Equal("cue", cue.Field);
    }

    private static async Task<List<CueRecordItem>> AllAsync(ConnectorCueRecords records, string shop, StatusCue cue)
    {
        var all = new List<CueRecordItem>();
        var cursor = "";
        for (var pages = 0; pages < 20; pages++)
        {
            var chunk = await records.ListAsync(shop, cue, cursor, 1, CancellationToken.None);
            Assert.True(chunk.Records.Count <= 1);
            all.AddRange(chunk.Records);
            if (chunk.NextCursor is null)
            {
                return all;
            }
            cursor = chunk.NextCursor;
        }
        throw new InvalidOperationException($"{cue} did not end within 20 pages");
    }
}
