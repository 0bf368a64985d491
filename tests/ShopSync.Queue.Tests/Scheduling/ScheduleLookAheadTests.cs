using ShopSync.Queue.Entries;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Tests.Support;
using ShopSync.Testing;
using static ShopSync.Queue.Tests.Scheduling.ScheduleTestData;

namespace ShopSync.Queue.Tests.Scheduling;

/// <summary>The runner queues occurrences up to <c>Scheduler:LeadTime</c> (2 s) early; the dispatcher starts them on time.</summary>
public sealed class ScheduleLookAheadTests
{
    private const int Report = 4903;
    private const int Manual = 4904;

    private static DelegateHandler Succeeds(int reportId) => new(reportId, (_, _) => Task.FromResult(ReportOutcome.Success()));

    [Fact]
    public async Task LookAhead_OneSecondBefore_QueuedWithEarliestStartAndStartedExactlyAtOccurrence()
    {
        await using var f = await RunnerFixture.StartAsync(Succeeds(Report), Succeeds(Manual));
        var schedule = await f.ScheduleAsync(EveryMinute(Report));

        f.Time.Advance(At(0, 59) - f.Time.GetUtcNow());
        var early = await f.Host.EntryAsync(Report, At(1));
        Assert.Equal(At(1), early.EarliestStart);
        var advanced = await f.ReachAsync(schedule.Id, s => s.LastOccurrence == At(1));
        Assert.Equal(At(2), advanced.NextOccurrence);
        Assert.Equal(early.Id, advanced.CurrentJobId);

        // An entry of the same category runs now; the category's next head is not eligible before 10:01.
        var other = await f.Host.Queue.EnqueueAsync(
            new EnqueueRequest { ReportId = Manual, CategoryCode = "CAT" + Report }, CancellationToken.None);
        await Eventually.ReachAsync(() => f.Host.Queue.GetAsync(other.Id, CancellationToken.None), j => j.Status == JobStatus.Finished);
        var waiting = await f.Host.Queue.GetAsync(early.Id, CancellationToken.None);
        Assert.Equal(JobStatus.Ready, waiting.Status);
        Assert.Null(waiting.StartedAt);

        f.Time.Advance(At(1) - f.Time.GetUtcNow());
        var ran = await f.Host.EntryAsync(Report, At(1), JobStatus.Finished);
        Assert.Equal(early.Id, ran.Id);
        Assert.Equal(At(1), ran.StartedAt);
        Assert.Equal([At(1)], await f.OccurrencesAsync(Report));
    }

    [Fact]
    public async Task LookAhead_EarlierEntryStillRunning_LeftToDueTimeThenRuns()
    {
        var gate = new Gate();
        await using var f = await RunnerFixture.StartAsync(gate.Handler(Report));
        var schedule = await f.ScheduleAsync(EveryMinute(Report));
        await f.AdvanceToAsync(At(1));
        await f.Host.EntryAsync(Report, At(1), JobStatus.InProcess);

        // The look-ahead pass at 10:01:59 queues the probe's 10:02 but not ours: 10:01 still runs.
        f.Time.Advance(At(1, 59) - f.Time.GetUtcNow());
        await f.ReachAsync(f.Probe, s => s.LastOccurrence == At(2));
        var left = await f.Host.Schedules.GetAsync(schedule.Id, CancellationToken.None);
        Assert.Equal(At(2), left.NextOccurrence);
        Assert.Equal(At(1), left.LastOccurrence);
        Assert.Equal([At(1)], await f.OccurrencesAsync(Report));

        // It ends before 10:02, so at its due time the overlap policy has nothing to skip.
        gate.Open();
        await f.Host.EntryAsync(Report, At(1), JobStatus.Finished);
        await f.AdvanceToAsync(At(2));
        var ran = await f.Host.EntryAsync(Report, At(2), JobStatus.Finished);
        Assert.Equal(At(2), ran.EarliestStart);
        Assert.Equal([At(1), At(2)], await f.OccurrencesAsync(Report));
    }

    [Fact]
    public async Task LookAhead_OccurrenceAlreadyQueued_BatchFallsBackAndEachRunsOnce()
    {
        await using var f = await RunnerFixture.StartAsync(Succeeds(Report));
        var schedule = await f.ScheduleAsync(EveryMinute(Report));
        // As if a restart or another node had queued 10:01 already: the pass's one transaction is refused.
        var first = await f.Host.Queue.EnqueueAsync(
            new EnqueueRequest
            {
                ReportId = Report,
                CategoryCode = "CAT" + Report,
                EarliestStart = At(1),
                ScheduleId = schedule.Id,
                OccurrenceUtc = At(1),
            },
            CancellationToken.None);

        await f.AdvanceToAsync(At(1));
        var advanced = await f.ReachAsync(schedule.Id, s => s.LastOccurrence == At(1));
        Assert.Equal(first.Id, advanced.CurrentJobId);
        Assert.Equal(At(2), advanced.NextOccurrence);
        // The probe's occurrence, queued in the same pass, was queued on its own.
        await f.Host.EntryAsync(RunnerFixture.ProbeReport, At(1), JobStatus.Finished);
        var ran = await f.Host.EntryAsync(Report, At(1), JobStatus.Finished);
        Assert.Equal(first.Id, ran.Id);
        Assert.Equal([At(1)], await f.OccurrencesAsync(Report));
    }

    [Fact]
    public async Task Update_OccurrenceQueuedAhead_NextComesAfterIt()
    {
        await using var f = await RunnerFixture.StartAsync(Succeeds(Report));
        var schedule = await f.ScheduleAsync(EveryMinute(Report));
        f.Time.Advance(At(0, 59) - f.Time.GetUtcNow());
        var early = await f.Host.EntryAsync(Report, At(1));

        var updated = await f.Host.Schedules.UpdateAsync(schedule.Id, EveryMinute(Report) with { Priority = 3 }, CancellationToken.None);
        Assert.Equal(At(2), updated.NextOccurrence);

        await f.AdvanceToAsync(At(1));
        var ran = await f.Host.EntryAsync(Report, At(1), JobStatus.Finished);
        Assert.Equal(early.Id, ran.Id);
        Assert.Equal([At(1)], await f.OccurrencesAsync(Report));
    }

    [Fact]
    public async Task Settle_WithInterval_ResultRecordedOnceTheIntervalHasPassed()
    {
        await using var f = await RunnerFixture.StartAsync(TimeSpan.FromSeconds(1), Succeeds(Report));
        var schedule = await f.ScheduleAsync(EveryMinute(Report));
        await f.AdvanceToAsync(At(1));
        await f.Host.EntryAsync(Report, At(1), JobStatus.Finished);
        Assert.Equal(JobResult.None, (await f.Host.Schedules.GetAsync(schedule.Id, CancellationToken.None)).LastResult);

        // The settle loop may not be waiting on the clock yet when the entry ends: move on a little per look, for
        // seconds of real time, but not to 10:02 (whose run would change the last result).
        var settled = await Eventually.ReachAsync(
            () =>
            {
                if (f.Time.GetUtcNow() < At(1, 59))
                {
                    f.Time.Advance(TimeSpan.FromMilliseconds(200));
                }
                return f.Host.Schedules.GetAsync(schedule.Id, CancellationToken.None);
            },
            s => s.LastResult == JobResult.Succeeded);
        Assert.Equal(At(1), settled.LastRunAt);
    }
}
