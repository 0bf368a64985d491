using ShopSync.Queue.Entries;
using ShopSync.Queue.Recurrence;
using ShopSync.Queue.Scheduling;

namespace ShopSync.Storage.Conformance;

/// <summary>
/// The <see cref="IScheduleStore"/> contract; every driver's test project derives a class from this one with its own
/// <see cref="IScheduleStoreFactory"/>, so each test runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class ScheduleStoreConformanceTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 6, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => CancellationToken.None;

    protected abstract IScheduleStoreFactory Factory { get; }

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
            await store.InsertAsync(schedule, Ct);
            var found = await store.FindAsync(schedule.Id, Ct);
            Assert.NotNull(found);
            Assert.Equal(schedule.Definition.Recurrence, found.Definition.Recurrence);
            Assert.Equal(schedule.Definition.Filters, found.Definition.Filters);
            Assert.Equal(schedule.Definition.Options, found.Definition.Options);
            Assert.Equal(schedule with { Definition = found.Definition }, found);
        }
        Assert.Null(await store.FindAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task TryReplaceAndAdvance_StaleVersion_Refused()
    {
        var store = await StoreAsync();
        var schedule = Schedule(new CronForm("* * * * *"));
        await store.InsertAsync(schedule, Ct);

        Assert.True(await store.TryReplaceAsync(schedule with { Version = 2, State = ScheduleState.OnHold }, 1, Ct));
        Assert.False(await store.TryReplaceAsync(schedule with { Version = 2 }, 1, Ct));

        var queued = new PendingOccurrence(schedule.Id, Now.AddMinutes(1), Guid.NewGuid());
        var stale = await store.AdvanceAsync([new ScheduleAdvance(schedule.Id, 1, Now.AddMinutes(2), Now.AddMinutes(1), [queued])], Ct);
        Assert.Empty(stale);
        var fresh = await store.AdvanceAsync([new ScheduleAdvance(schedule.Id, 2, Now.AddMinutes(2), Now.AddMinutes(1), [queued])], Ct);
        Assert.Contains(schedule.Id, fresh);
        var stored = await store.FindAsync(schedule.Id, Ct);
        Assert.Equal(3, stored!.Version);
        Assert.Equal(Now.AddMinutes(2), stored.NextOccurrence);
        Assert.Equal(Now.AddMinutes(1), stored.LastOccurrence);
        Assert.Equal(ScheduleState.OnHold, stored.State);
        Assert.Equal(queued.JobId, stored.CurrentJobId);
        Assert.Equal([queued], await store.ListPendingAsync([schedule.Id], Ct));
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
            await store.InsertAsync(s, Ct);
        }

        var due = await store.ListDueAsync(Now, 10, Ct);
        Assert.Equal([early.Id, late.Id], due.Select(s => s.Id));
        Assert.Equal([early.Id], (await store.ListDueAsync(Now, 1, Ct)).Select(s => s.Id));
        Assert.Equal(Now.AddMinutes(-2), await store.EarliestDueAsync(Ct));
    }

    [Fact]
    public async Task EarliestDue_NoneActive_Null()
    {
        var store = await StoreAsync();
        await store.InsertAsync(Schedule(new CronForm("* * * * *")) with { State = ScheduleState.OnHold }, Ct);

        Assert.Null(await store.EarliestDueAsync(Ct));
        Assert.Empty(await store.ListDueAsync(Now.AddYears(1), 10, Ct));
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
            await store.InsertAsync(s, Ct);
        }

        var window = await store.ListDueAsync(Now.AddSeconds(1), Now.AddSeconds(3), 10, Ct);
        Assert.Equal([first.Id, second.Id], window.Select(s => s.Id));
        Assert.Equal(Now.AddSeconds(2), await store.EarliestDueAfterAsync(Now.AddSeconds(1), Ct));
        Assert.Null(await store.EarliestDueAfterAsync(Now.AddSeconds(4), Ct));
    }

    [Fact]
    public async Task Settle_StopAndFixedDelay_Applied()
    {
        var store = await StoreAsync();
        var stopping = Schedule(new CronForm("* * * * *"));
        var parked = Schedule(new CronForm("* * * * *")) with { NextOccurrence = null };
        await store.InsertAsync(stopping, Ct);
        await store.InsertAsync(parked, Ct);
        var a = new PendingOccurrence(stopping.Id, Now, Guid.NewGuid());
        var b = new PendingOccurrence(parked.Id, Now, Guid.NewGuid());
        await store.AdvanceAsync([new ScheduleAdvance(stopping.Id, 1, Now.AddMinutes(1), Now, [a]), new ScheduleAdvance(parked.Id, 1, null, Now, [b])], Ct);

        await store.SettleAsync(
            [new ScheduleSettlement(a, Now.AddSeconds(5), JobResult.Failed, true, null), new ScheduleSettlement(b, Now.AddSeconds(7), JobResult.Succeeded, false, Now.AddMinutes(1))],
            Ct);

        var stopped = (await store.FindAsync(stopping.Id, Ct))!;
        Assert.Equal(ScheduleState.Error, stopped.State);
        Assert.Null(stopped.NextOccurrence);
        Assert.Equal(JobResult.Failed, stopped.LastResult);
        Assert.Equal(Now.AddSeconds(5), stopped.LastRunAt);
        var continued = (await store.FindAsync(parked.Id, Ct))!;
        Assert.Equal(Now.AddMinutes(1), continued.NextOccurrence);
        Assert.Empty(await store.ListPendingAsync(null, Ct));
    }

    [Fact]
    public async Task Settle_SeenTwice_RecordedOnce()
    {
        var store = await StoreAsync();
        var parked = Schedule(new CronForm("* * * * *")) with { NextOccurrence = null };
        await store.InsertAsync(parked, Ct);
        var occurrence = new PendingOccurrence(parked.Id, Now, Guid.NewGuid());
        await store.AdvanceAsync([new ScheduleAdvance(parked.Id, 1, null, Now, [occurrence])], Ct);
        var settlement = new ScheduleSettlement(occurrence, Now.AddSeconds(7), JobResult.Succeeded, false, Now.AddMinutes(1));

        await store.SettleAsync([settlement], Ct);
        var once = (await store.FindAsync(parked.Id, Ct))!;
        await store.SettleAsync([settlement with { NextOccurrence = Now.AddMinutes(9) }], Ct);

        var twice = (await store.FindAsync(parked.Id, Ct))!;
        Assert.Equal(once with { Definition = twice.Definition }, twice);
        Assert.Equal(Now.AddMinutes(1), once.NextOccurrence);
    }

    [Fact]
    public async Task List_FiltersAndPages_ById()
    {
        var store = await StoreAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var s = Schedule(new CronForm("* * * * *")) with { Id = Guid.CreateVersion7(Now.AddSeconds(i)) };
            ids.Add(s.Id);
            await store.InsertAsync(s, Ct);
        }
        var other = Schedule(new CronForm("* * * * *")) with { Definition = Schedule(new CronForm("* * * * *")).Definition with { ShopCode = "S2", ReportId = 9 } };
        await store.InsertAsync(other, Ct);

        var first = await store.ListAsync(new ScheduleQuery { ShopCode = "S1", PageSize = 3 }, Ct);
        var rest = await store.ListAsync(new ScheduleQuery { ShopCode = "S1", PageSize = 3, After = first.Schedules[^1].Id }, Ct);

        Assert.Equal(ids.Take(3), first.Schedules.Select(s => s.Id));
        Assert.True(first.HasMore);
        Assert.Equal(ids.Skip(3), rest.Schedules.Select(s => s.Id));
        Assert.False(rest.HasMore);
        Assert.Equal([other.Id], (await store.ListAsync(new ScheduleQuery { ReportId = 9 }, Ct)).Schedules.Select(s => s.Id));
        Assert.Equal(6, (await store.ListAsync(new ScheduleQuery(), Ct)).Schedules.Count);
    }

    [Fact]
    public async Task Delete_WithPending_RemovesBoth()
    {
        var store = await StoreAsync();
        var schedule = Schedule(new CronForm("* * * * *"));
        await store.InsertAsync(schedule, Ct);
        await store.AdvanceAsync([new ScheduleAdvance(schedule.Id, 1, Now.AddMinutes(2), Now, [new PendingOccurrence(schedule.Id, Now, Guid.NewGuid())])], Ct);

        Assert.True(await store.DeleteAsync(schedule.Id, Ct));
        Assert.False(await store.DeleteAsync(schedule.Id, Ct));
        Assert.Null(await store.FindAsync(schedule.Id, Ct));
        Assert.Empty(await store.ListPendingAsync(null, Ct));
        Assert.Empty(await store.ListPendingAsync([], Ct));
    }

    [Fact]
    public async Task Advance_TwoNodesSameVersion_OneAdvancesOccurrenceRecordedOnce()
    {
        var (nodeA, nodeB) = await Factory.CreateSchedulePairAsync(Ct);
        var schedules = Enumerable.Range(0, 8).Select(i => Schedule(new CronForm("* * * * *")) with { Id = Guid.CreateVersion7(Now.AddSeconds(i)) }).ToList();
        foreach (var s in schedules)
        {
            await nodeA.InsertAsync(s, Ct);
        }
        // Both nodes read version 1 of every schedule and queued the same occurrence (the queue's unique index gave
        // both the one entry): each applies its batch, in opposite orders.
        var job = schedules.ToDictionary(s => s.Id, _ => Guid.NewGuid());
        List<ScheduleAdvance> Batch() => schedules
            .Select(s => new ScheduleAdvance(s.Id, 1, Now.AddMinutes(2), Now.AddMinutes(1), [new PendingOccurrence(s.Id, Now.AddMinutes(1), job[s.Id])]))
            .ToList();
        var a = Batch();
        var b = Batch();
        b.Reverse();

        var results = await Task.WhenAll(Task.Run(() => nodeA.AdvanceAsync(a, Ct)), Task.Run(() => nodeB.AdvanceAsync(b, Ct)));

        Assert.All(schedules, s => Assert.Single(results, r => r.Contains(s.Id)));
        Assert.Equal(schedules.Count, (await nodeB.ListPendingAsync(null, Ct)).Count);
        Assert.All(await nodeB.ListPendingAsync(null, Ct), p => Assert.Equal(job[p.ScheduleId], p.JobId));
        foreach (var s in schedules)
        {
            Assert.Equal(2, (await nodeA.FindAsync(s.Id, Ct))!.Version);
        }
    }

    private async Task<IScheduleStore> StoreAsync() => (await Factory.CreateSchedulePairAsync(Ct)).NodeA;

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
