using Microsoft.Data.Sqlite;

namespace ShopSync.Benchmarks.Status;

/// <summary>
/// Bulk SQL seeding of the connector tables and the job log (not through the handlers): per shop a realistic mix where
/// most records are done and a few percent sit behind each cue.
/// </summary>
internal static class StatusSeeder
{
    public static async Task SeedAsync(string connectionString, IReadOnlyList<string> shops, int orders, int customers, int logEntries, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var now = TimeProvider.System.GetUtcNow().UtcTicks;
        var shopList = "CASE (i % " + shops.Count + ") " + string.Concat(shops.Select((s, j) => $"WHEN {j} THEN '{s}' ")) + "END";
        var k = $"(i / {shops.Count})";
        string Series(int n) => $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n}) ";
        string[] statements =
        [
            Series(orders) +
            "INSERT INTO sync_orders (ShopCode, ShopifyOrderId, OrderNo, ShopifyCreatedAt, ShopifyUpdatedAt, Confirmed, Test, FinancialStatus, FulfillmentStatus, " +
            "FullyPaid, Tags, HighRisk, CurrencyCode, Subtotal, TotalTax, TotalShipping, Total, TotalOutstanding, ImportedAt, Status, HasUnprocessedUpdate, ProcessingError) " +
            $"SELECT {shopList}, 'gid://shopify/Order/' || i, '#' || i, {now} - i * 10000000, {now} - i * 10000000, 1, 0, 'Paid', 'Unfulfilled', 1, '', 0, 'USD', " +
            $"'10.00', '1.00', '0', '11.00', '0', {now} - i * 10000000, CASE WHEN {k} % 50 = 0 THEN 1 WHEN {k} % 97 = 0 THEN 3 ELSE 2 END, {k} % 200 = 1, " +
            $"CASE WHEN {k} % 50 = 0 THEN 'customer not mapped' END FROM n",
            Series(customers) +
            $"INSERT INTO sync_customers (ShopCode, ShopifyCustomerId, Email, UpdatedAt, CustomerNo) SELECT {shopList}, 'gid://shopify/Customer/' || i, 'c' || i || '@example.com', {now}, " +
            $"CASE WHEN {k} % 20 = 0 THEN NULL ELSE 'C' || i END FROM n",
            Series(customers / 10) +
            $"INSERT INTO sync_companies (ShopCode, ShopifyCompanyId, Name, LocationCount, UpdatedAt, CustomerNo) SELECT {shopList}, 'gid://shopify/Company/' || i, 'Company ' || i, 1, {now}, " +
            $"CASE WHEN {k} % 25 = 0 THEN NULL ELSE 'C' || i END FROM n",
            Series(customers / 5) +
            $"INSERT INTO sync_products (ShopCode, ShopifyProductId, Title, UpdatedAt, ItemNo) SELECT {shopList}, 'gid://shopify/Product/' || i, 'Product ' || i, {now}, " +
            $"CASE WHEN {k} % 50 = 0 THEN NULL ELSE 'I' || i END FROM n",
            Series(orders / 2) +
            $"INSERT INTO erp_posted_shipments (No, SalesOrderNo, ShopCode, CustomerNo, PostingDate, FulfillmentState, CreatedAt, FulfillmentError) SELECT 'SHP' || i, 'SO' || i, {shopList}, 'C' || i, '2026-11-01', " +
            $"CASE WHEN {k} % 100 = 0 THEN 1 WHEN {k} % 499 = 0 THEN 3 WHEN {k} % 501 = 0 THEN 4 ELSE 2 END, {now}, CASE WHEN {k} % 499 = 0 THEN 'refused' END FROM n",
            Series(customers / 50) +
            $"INSERT INTO sync_record_issues (ShopCode, ReportId, RecordKey, Kind, Message, At) SELECT {shopList}, 30108, 'item:' || i, 1 + ({k} % 2), 'skipped', {now} FROM n",
            Series(orders / 5) +
            $"INSERT INTO shopify_api_calls (ShopCode, OperationName, IsMutation, Outcome, Failed, Retries, ThrottledCount, StartedAt, DurationMs, Error) SELECT {shopList}, 'ShopSyncOrders', 0, " +
            $"CASE WHEN {k} % 100 = 0 THEN 3 ELSE 0 END, {k} % 100 = 0, 0, 0, {now} - i * 10000000, 12.5, CASE WHEN {k} % 100 = 0 THEN 'HTTP 500' END FROM n",
            Series(logEntries) +
            "INSERT INTO queue_job_log (job_id, entry_no, report_id, description, shop_code, category_code, attempt, start_time, end_time, result, error_message, " +
            "pages, done, failed, skipped, filters, options, node) " +
            $"SELECT randomblob(16), i, CASE (i / {shops.Count}) % 6 WHEN 0 THEN 30104 WHEN 1 THEN 30103 WHEN 2 THEN 30100 WHEN 3 THEN 30108 WHEN 4 THEN 30102 ELSE 30109 END, " +
            $"'bench', {shopList}, 'SHPFY', 1, {now} - ({logEntries} - i) * 100000000, {now} - ({logEntries} - i) * 100000000 + 50000000, " +
            $"CASE WHEN {k} % 20 = 0 THEN 3 ELSE 1 END, CASE WHEN {k} % 20 = 0 THEN 'Shopify answered 500' END, 1, 10, 0, 0, '[]', '[]', 'bench' FROM n",
        ];
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.CommandTimeout = 600;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
