using Microsoft.Data.Sqlite;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Recurrence;
using ShopSync.Queue.Scheduling;
using ShopSync.Storage.Schedules;
using ShopSync.Testing;

namespace ShopSync.Storage.Tests.Schedules;

public sealed class SqliteScheduleStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 1, 6, 10, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _folder = new("shopsync-schedule-store");

    private string ConnectionString => $"Data Source={_folder.File("s.db")}";

    [Fact]
    public async Task Initialize_OwnHistoryTable_TablesCreated()
    {
        var store = new SqliteScheduleStore(ConnectionString);
        await store.InitializeAsync(CancellationToken.None);
        await store.InitializeAsync(CancellationToken.None);

        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)";
        var tables = (string)(await command.ExecuteScalarAsync())!;
        Assert.Contains("__schedule_migrations", tables, StringComparison.Ordinal);
        Assert.Contains("schedules", tables, StringComparison.Ordinal);
        Assert.Contains("schedule_occurrences", tables, StringComparison.Ordinal);
        Assert.DoesNotContain("__queue_migrations", tables, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InsertFind_EveryForm_RoundTrips()
    {
        var store = await StoreAsync();
        RecurrenceForm[] forms =
        [
            new WeeklyForm(RecurrenceWeekdays.Monday | RecurrenceWeekdays.Friday, new TimeOnly(23, 0), new TimeOnly(2, 0, 30), 15),
            new DateFormulaForm("CM+1D", new TimeOnly(6, 30)),
            new CronForm("*/5 * * * *"),
        ];
        foreach (var form in forms)
        {
            var schedule = Schedule(form) with { LastResult = JobResult.Failed, CurrentJobId = Guid.NewGuid(), LastRunAt = Now.AddMinutes(-1) };
            await store.InsertAsync(schedule, CancellationToken.None);
            var found = await store.FindAsync(schedule.Id, CancellationToken.None);
            Assert.NotNull(found);
            Assert.Equal(schedule.Definition.Recurrence, found.Definition.Recurrence);
            Assert.Equal(schedule.Definition.Filters, found.Definition.Filters);
            Assert.Equal(schedule.Definition.Options, found.Definition.Options);
            Assert.Equal(schedule with { Definition = found.Definition }, found);
        }
    }

    [Fact]
    public async Task TryReplaceAndAdvance_StaleVersion_Refused()
    {
        var store = await StoreAsync();
        var schedule = Schedule(new CronForm("* * * * *"));
        await store.InsertAsync(schedule, CancellationToken.None);

        Assert.True(await store.TryReplaceAsync(schedule with { Version = 2, State = ScheduleState.OnHold }, 1, CancellationToken.None));
        Assert.False(await store.TryReplaceAsync(schedule with { Version = 2 }, 1, CancellationToken.None));

        var queued = new PendingOccurrence(schedule.Id, Now.AddMinutes(1), Guid.NewGuid());
        var stale = await store.AdvanceAsync([new ScheduleAdvance(schedule.Id, 1, Now.AddMinutes(2), Now.AddMinutes(1), [queued])], CancellationToken.None);
        Assert.Empty(stale);
        var fresh = await store.AdvanceAsync([new ScheduleAdvance(schedule.Id, 2, Now.AddMinutes(2), Now.AddMinutes(1), [queued])], CancellationToken.None);
        Assert.Contains(schedule.Id, fresh);
        var stored = await store.FindAsync(schedule.Id, CancellationToken.None);
        Assert.Equal(3, stored!.Version);
        Assert.Equal(Now.AddMinutes(2), stored.NextOccurrence);
        Assert.Equal(queued.JobId, stored.CurrentJobId);
        Assert.Equal([queued], await store.ListPendingAsync([schedule.Id], CancellationToken.None));
    }

    [Fact]
    public async Task Due_OnlyActiveAndDue_EarliestFirst()
    {
        var store = await StoreAsync();
        var late = Schedule(new CronForm("* * * * *")) with { NextOccurrence = Now.AddMinutes(-1) };
        var early = Schedule(new CronForm("* * * * *")) with { NextOccurrence = Now.AddMinutes(-2) };
        var future = Schedule(new CronForm("* * * * *")) with { NextOccurrence = Now.AddMinutes(5) };
        var paused = Schedule(new CronForm("* * * * *")) with { NextOccurrence = Now.AddMinutes(-3), State = ScheduleState.OnHold };
        foreach (var s in new[] { late, early, future, paused })
        {
            await store.InsertAsync(s, CancellationToken.None);
        }

        var due = await store.ListDueAsync(Now, 10, CancellationToken.None);
        Assert.Equal([early.Id, late.Id], due.Select(s => s.Id));
        Assert.Equal(Now.AddMinutes(-2), await store.EarliestDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DueWindow_AfterExclusiveUntilInclusive_ActiveOnly()
    {
        var store = await StoreAsync();
        var looked = Schedule(new CronForm("* * * * *")) with { NextOccurrence = Now.AddSeconds(1) };
        var first = Schedule(new CronForm("* * * * *")) with { NextOccurrence = Now.AddSeconds(2) };
        var second = Schedule(new CronForm("* * * * *")) with { NextOccurrence = Now.AddSeconds(3) };
        var beyond = Schedule(new CronForm("* * * * *")) with { NextOccurrence = Now.AddSeconds(4) };
        var paused = Schedule(new CronForm("* * * * *")) with { NextOccurrence = Now.AddSeconds(2), State = ScheduleState.OnHold };
        foreach (var s in new[] { second, looked, beyond, first, paused })
        {
            await store.InsertAsync(s, CancellationToken.None);
        }

        var window = await store.ListDueAsync(Now.AddSeconds(1), Now.AddSeconds(3), 10, CancellationToken.None);
        Assert.Equal([first.Id, second.Id], window.Select(s => s.Id));
        Assert.Equal(Now.AddSeconds(2), await store.EarliestDueAfterAsync(Now.AddSeconds(1), CancellationToken.None));
        Assert.Null(await store.EarliestDueAfterAsync(Now.AddSeconds(4), CancellationToken.None));
    }

    [Fact]
    public async Task Settle_StopAndFixedDelay_Applied()
    {
        var store = await StoreAsync();
        var stopping = Schedule(new CronForm("* * * * *"));
        var parked = Schedule(new CronForm("* * * * *")) with { NextOccurrence = null };
        await store.InsertAsync(stopping, CancellationToken.None);
        await store.InsertAsync(parked, CancellationToken.None);
        var a = new PendingOccurrence(stopping.Id, Now, Guid.NewGuid());
        var b = new PendingOccurrence(parked.Id, Now, Guid.NewGuid());
        await store.AdvanceAsync([new ScheduleAdvance(stopping.Id, 1, Now.AddMinutes(1), Now, [a]), new ScheduleAdvance(parked.Id, 1, null, Now, [b])], CancellationToken.None);

        await store.SettleAsync(
            [new ScheduleSettlement(a, Now.AddSeconds(5), JobResult.Failed, true, null), new ScheduleSettlement(b, Now.AddSeconds(7), JobResult.Succeeded, false, Now.AddMinutes(1))],
            CancellationToken.None);

        var stopped = (await store.FindAsync(stopping.Id, CancellationToken.None))!;
        Assert.Equal(ScheduleState.Error, stopped.State);
        Assert.Null(stopped.NextOccurrence);
        Assert.Equal(JobResult.Failed, stopped.LastResult);
        Assert.Equal(Now.AddSeconds(5), stopped.LastRunAt);
        var continued = (await store.FindAsync(parked.Id, CancellationToken.None))!;
        Assert.Equal(Now.AddMinutes(1), continued.NextOccurrence);
        Assert.Empty(await store.ListPendingAsync(null, CancellationToken.None));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private async Task<SqliteScheduleStore> StoreAsync()
    {
        var store = new SqliteScheduleStore(ConnectionString);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    private static StoredSchedule Schedule(RecurrenceForm form) => new()
    {
        Id = Guid.CreateVersion7(),
        Definition = new ScheduleDefinition
        {
            ShopCode = "S1",
            ReportId = 7,
            Description = "d",
            CategoryCode = "C",
            Priority = 5,
            Filters = [new RequestPageFilter("Id", "1..9")],
            Options = [new RequestPageOption("Mode", "Full")],
            MaxAttempts = 3,
            RerunDelay = TimeSpan.FromSeconds(30),
            Timeout = TimeSpan.FromMinutes(5),
            Recurrence = new RecurrenceSchedule
            {
                TimeZone = "Europe/Oslo",
                EarliestStart = Now,
                Expiration = Now.AddYears(1),
                Form = form,
                Anchoring = RecurrenceAnchoring.FixedDelay,
                CatchUp = RecurrenceCatchUp.All,
                CatchUpLimit = 5,
                Overlap = RecurrenceOverlap.BufferOne,
                OnFailure = RecurrenceFailurePolicy.KeepRecurring,
            },
        },
        State = ScheduleState.Active,
        NextOccurrence = Now.AddMinutes(1),
        CreatedAt = Now,
        UpdatedAt = Now,
        Version = 1,
    };
}
