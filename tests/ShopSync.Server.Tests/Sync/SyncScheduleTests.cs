using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Schedules;
using ShopSync.Connector.Sync;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Sync;

/// <summary>
/// Every sync task through ScheduleRecurring on the server composition with the sandbox shop. The server's clock is a
/// fake one: the schedules' first occurrence comes when the test moves the clock to it, not after a real minute.
/// </summary>
public sealed class SyncScheduleTests
{
    private const string PostingDate = "2025-03-01";

    // In the order of a working day (priority 10, 20, …): each task finds what the one before it left, so Sync Shipments
    // has posted shipments to send. Each schedule has a filter of its own request page.
    private static readonly (int ReportId, string Field, string Expression)[] Tasks =
    [
        (SyncReportIds.SyncOrders, "Order No.", "1001..1021"),
        (SyncReportIds.CreateSalesOrders, "Order No.", "1001..1021"),
        (SyncReportIds.SyncCustomers, "Email", "*@*"),
        (SyncReportIds.SyncCompanies, "Name", "*"),
        (SyncReportIds.SyncProducts, "Title", "*"),
        (SyncReportIds.SyncInventory, "Item No.", "*"),
        (SyncReportIds.SyncImages, "Item No.", "*"),
        (SyncReportIds.BatchPostSalesOrders, "Shopify Order No.", "1001..1021"),
        (SyncReportIds.BatchPostSalesInvoices, "Shopify Order No.", "1001..1021"),
        (SyncReportIds.SyncShipments, "Shopify Order No.", "1001..1021"),
        (SyncReportIds.SyncPayments, "Type", "*"),
        (SyncReportIds.SyncDisputes, "Type", "CHARGEBACK|INQUIRY"),
        (SyncReportIds.SyncCatalogs, "Title", "*"),
        (SyncReportIds.SyncCatalogPrices, "Catalog", "*"),
    ];

    // The fake clock is only moved by the test: leases and the shutdown grace period must not need it to move, and
    // ended occurrences are settled at once instead of after a settle interval on that clock.
    private static readonly string[] FakeClockSettings =
    [
        "--Queue:ShutdownGracePeriod=00:00:00", "--Queue:LeaseDuration=02:00:00", "--Queue:LeaseCheckInterval=01:00:00",
        "--Scheduler:SettleInterval=00:00:00",
    ];

    [Fact]
    public async Task ScheduleRecurring_EverySyncTask_RunsOneOccurrenceEachWithItsFiltersOneAtATime()
    {
        var start = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute, 20, TimeSpan.Zero));
        var probe = new RunProbe();
        await using var server = await SyncTestServer.StartAsync(
            shop: new() { AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = true },
            extraArgs: FakeClockSettings,
            configure: services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                probe.Wrap(services);
            });
        var calls = new ScheduleCalls(server.Channel);
        var schedules = new List<ScheduleInfo>();
        for (var i = 0; i < Tasks.Length; i++)
        {
            schedules.Add((await calls.CreateAsync(Request(Tasks[i], priority: 10 * (i + 1)))).Schedule);
        }
        var occurrence = schedules[0].NextRun.ToDateTimeOffset();
        Assert.All(schedules, s => Assert.Equal(occurrence, s.NextRun.ToDateTimeOffset()));
        Assert.Empty(probe.Started);

        clock.Advance(occurrence - clock.GetUtcNow());
        var entries = await Eventually.ReturnsAsync(
            () => EntriesAsync(calls, schedules),
            all => all.All(e => e.Count > 0 && e.All(j => j.Status is JobStatus.Finished or JobStatus.Error)),
            "an ended occurrence entry of every schedule",
            TimeSpan.FromMinutes(5));

        for (var i = 0; i < Tasks.Length; i++)
        {
            var entry = Assert.Single(entries[i]);
            var what = $"task {Tasks[i].ReportId}: {entry.Status} {entry.LastResult} {entry.ErrorMessage}";
            Assert.True(entry.Status == JobStatus.Finished, what);
            Assert.Contains(entry.LastResult, new[] { JobResult.Succeeded, JobResult.SucceededWithWarnings });
            Assert.Equal((Tasks[i].ReportId, SyncTestServer.ShopCode, "SHPFY"), (entry.ReportId, entry.ShopCode, entry.CategoryCode));
            Assert.Equal(occurrence, entry.EarliestStart.ToDateTimeOffset());
            Assert.Equal(schedules[i].Filters, entry.Filters);
            Assert.Equal(schedules[i].Options, entry.Options);
            Assert.Single(await calls.LogAsync(Tasks[i].ReportId), l => l.JobId == entry.Id);
        }
        Assert.Equal(new RequestPageFilter { Field = "Order No.", Expression = "1001..1021" }, Assert.Single(entries[0][0].Filters));
        Assert.Equal(PostingDate, Assert.Single(entries[7][0].Options).Value);
        // The category rule: the shop's tasks ran one at a time, in priority order.
        Assert.Equal(1, probe.MaxRunning);
        Assert.Equal(Tasks.Select(t => (t.ReportId, SyncTestServer.ShopCode)), probe.Started);
        // What the data says each filter and option did.
        await using var db = server.OpenDb();
        Assert.True(server.Store.OrderCount > 21);
        Assert.Equal(21, await db.SyncOrders.CountAsync());
        var shipments = await db.ErpPostedShipments.ToListAsync();
        Assert.NotEmpty(shipments);
        Assert.All(shipments, s => Assert.Equal(DateOnly.Parse(PostingDate, System.Globalization.CultureInfo.InvariantCulture), s.PostingDate));
        Assert.Equal(shipments.Count(s => s.FulfillmentState == ShopSync.Connector.Erp.ErpFulfillmentState.Sent), server.Store.Fulfillments.Count);
        Assert.NotEmpty(server.Store.Fulfillments);
    }

    [Fact]
    public async Task ScheduleRecurring_ShopCodeInOtherCase_StoresTheShopsOwnCode()
    {
        await using var server = await SyncTestServer.StartAsync();
        var calls = new ScheduleCalls(server.Channel);

        var request = Request(Tasks[0], priority: 0);
        request.ShopCode = SyncTestServer.ShopCode.ToLowerInvariant();
        var created = (await calls.CreateAsync(request)).Schedule;

        Assert.Equal((SyncTestServer.ShopCode, "SHPFY"), (created.ShopCode, created.CategoryCode));
    }

    private static ScheduleRecurringRequest Request((int ReportId, string Field, string Expression) task, int priority)
    {
        var request = new ScheduleRecurringRequest
        {
            ShopCode = SyncTestServer.ShopCode,
            ReportId = task.ReportId,
            Description = $"Every minute: task {task.ReportId}",
            Priority = priority,
            MaxAttempts = 1,
            Schedule = new RecurringSchedule { Cron = new CronRecurrence { Expression = "* * * * *" } },
        };
        request.Filters.Add(new RequestPageFilter { Field = task.Field, Expression = task.Expression });
        if (task.ReportId == SyncReportIds.BatchPostSalesOrders)
        {
            request.Options.Add(new RequestPageOption { Name = "Posting Date", Value = PostingDate });
        }
        return request;
    }

    private static async Task<List<List<Job>>> EntriesAsync(ScheduleCalls calls, IReadOnlyList<ScheduleInfo> schedules)
    {
        var all = new List<List<Job>>();
        foreach (var schedule in schedules)
        {
            all.Add(await calls.EntriesAsync(schedule.Id, schedule.ReportId));
        }
        return all;
    }
}
