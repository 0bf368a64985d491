using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;
using ShopSync.Shopify.Client;

namespace ShopSync.Connector.Sync;

/// <summary>
/// 30104 Sync Orders from Shopify: pulls orders updated since the shop's watermark into the import staging table.
/// The run's watermark is taken before reading; the stored watermark advances per page (pages come sorted by
/// updated_at) and to the run's watermark at the end. Each page is one transaction followed by a checkpoint, so a
/// retried attempt continues after the last finished page; re-reading a page changes nothing (unique order ids).
/// </summary>
internal sealed class SyncOrdersHandler(SyncSessionFactory sessions, IOptions<SyncOptions> options) : SyncReportHandler(sessions)
{
    /// <summary>Shopify timestamps have whole seconds: read a little behind so an edit in the same second is not lost.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(2);

    public static readonly RequestPageDefinition Page = RequestPageDefinition.For(SyncReportIds.SyncOrders, "Sync Orders from Shopify")
        .Boolean("Fully Paid", "Import only orders that are (or are not) fully paid")
        .Option("Financial Status", ShopifyStatusNames.FinancialStatuses)
        .Option("Fulfillment Status", ShopifyStatusNames.FulfillmentStatuses)
        .Boolean("Confirmed", "The order is confirmed")
        .Option("Import Action", "New", "Update")
        .Code("Channel", "Sales channel handle, e.g. web, pos")
        .Code("Order No.", "Shopify order number without '#', e.g. 1001..1050")
        .Boolean("High Risk", "Shopify recommends cancelling, or a risk assessment is HIGH")
        .Text("Tags", "The order's tags, comma separated")
        .Code("Sell-to Country/Region Code")
        .Code("Ship-to Country/Region Code")
        .Code("Bill-to Country/Region Code")
        .DateTime("Updated At")
        .DateTimeOption("Updated After", "Read orders updated after this instead of after the shop's watermark")
        .Build();

    public override ReportDefinition Definition { get; } = new()
    {
        RequiresShop = true,
        ReportId = SyncReportIds.SyncOrders,
        Name = "Sync Orders from Shopify",
        Aliases = ["orders"],
        Description = "Imports new and updated Shopify orders (incrementally, by updated_at) into the import staging table.",
    };

    protected override RequestPageDefinition RequestPage => Page;

    protected override async Task<string> RunAsync(SyncSession session, CancellationToken cancellationToken)
    {
        var checkpoint = SyncCheckpoint.Read<PageCheckpoint>(session);
        if (checkpoint is null)
        {
            var runWatermark = session.Time.GetUtcNow() - Overlap;
            DateTimeOffset? since;
            await using (var db = await session.OpenDbAsync(cancellationToken))
            {
                since = session.Filters.GetDateTime("Updated After")
                    ?? await SyncWatermarks.GetAsync(db, session.ShopCode, SyncWatermarks.Orders, cancellationToken);
            }
            var query = BuildQuery(session.Filters, since);
            // Counted once per run, with the query the pages will read: the percent of the progress bar.
            var total = await session.Client.CountOrdersAsync(query, cancellationToken);
            checkpoint = new PageCheckpoint("orders", query, null, 0, runWatermark, total.Count);
        }
        var totals = new SyncOrderPageResult();
        var writer = new SyncOrderPageWriter(session);
        var request = new ShopifyPageRequest(options.Value.OrdersPageSize, checkpoint.After, checkpoint.Query);
        var pages = checkpoint.Pages;
        // The next page is read while this one is written: the store's rate limit, not the database, sets the pace.
        await using var reader = session.Client.GetOrdersAsync(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var next = reader.MoveNextAsync().AsTask();
        while (await next)
        {
            var page = reader.Current;
            var orders = new List<(ShopifyOrder Order, IReadOnlyList<ShopifyLineItem> Lines)>(page.Items.Count);
            foreach (var order in page.Items)
            {
                orders.Add((order, await AllLinesAsync(session.Client, order, cancellationToken)));
            }
            next = reader.MoveNextAsync().AsTask();
            SyncOrderPageResult result;
            try
            {
                result = await writer.WriteAsync(orders, cancellationToken);
                if (page.EndCursor is not null)
                {
                    checkpoint = checkpoint with { After = page.EndCursor, Pages = pages + 1, Read = checkpoint.Read + page.Items.Count };
                    await SyncCheckpoint.SaveAsync(session, checkpoint, cancellationToken);
                }
            }
            catch
            {
                // Let the read in flight finish before the reader is disposed; its outcome no longer matters.
                await next.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                throw;
            }
            totals.Add(result);
            pages++;
            session.Progress.Add(pages: 1, done: result.Imported + result.Updated + result.Unchanged);
            session.Report($"Page {pages}: {totals.Describe()}", checkpoint.Percent);
        }
        await using (var db = await session.OpenDbAsync(cancellationToken))
        {
            await SyncWatermarks.AdvanceAsync(db, session.ShopCode, SyncWatermarks.Orders, checkpoint.RunWatermark!.Value, session.Time.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        return $"Sync Orders: {pages} page(s), {totals.Describe()}";
    }

    /// <summary>The incremental filter, plus a financial status Shopify can apply itself.</summary>
    private static string? BuildQuery(RequestPageFilters filters, DateTimeOffset? since)
    {
        var terms = new List<string>();
        if (since is { } watermark)
        {
            terms.Add(ShopifyPageRequest.UpdatedAfter(watermark));
        }
        if (filters.TryGetEquals("Financial Status", out var status) && status is string financial)
        {
            terms.Add($"financial_status:{ShopifyStatusNames.ToSearchValue(financial)}");
        }
        return terms.Count == 0 ? null : string.Join(' ', terms);
    }

    private static async Task<IReadOnlyList<ShopifyLineItem>> AllLinesAsync(IShopifyAdminClient client, ShopifyOrder order, CancellationToken cancellationToken)
    {
        if (!order.LineItems.PageInfo.HasNextPage)
        {
            return order.LineItems.Nodes;
        }
        var lines = new List<ShopifyLineItem>(order.LineItems.Nodes);
        await foreach (var more in client.GetOrderLineItemsAsync(order.Id, order.LineItems.PageInfo.EndCursor, cancellationToken))
        {
            lines.AddRange(more.Items);
        }
        return lines;
    }
}
