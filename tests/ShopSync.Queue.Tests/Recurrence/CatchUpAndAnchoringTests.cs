using Microsoft.Extensions.Time.Testing;
using ShopSync.Queue.Recurrence;
using static ShopSync.Queue.Tests.Recurrence.RecurrenceTestData;

namespace ShopSync.Queue.Tests.Recurrence;

public sealed class CatchUpAndAnchoringTests
{
    private static readonly RecurrenceSchedule Every15 = Weekly(RecurrenceWeekdays.All, null, null, 15);

    [Fact]
    public void Plan_NothingMissed_ReturnsNextOnly()
    {
        var plan = RecurrenceCalculator.Plan(Every15, Utc("2025-01-10T10:00Z"), Utc("2025-01-10T10:10Z"));

        Assert.Empty(plan.RunNow);
        Assert.False(plan.Missed);
        Assert.Equal("2025-01-10T10:15:00Z", Iso(plan.Next));
    }

    [Fact]
    public void Plan_Skip_RunsNoneAndMovesToFirstFutureOccurrence()
    {
        var plan = RecurrenceCalculator.Plan(Every15, Utc("2025-01-10T10:00Z"), Utc("2025-01-10T11:20Z"));

        Assert.Empty(plan.RunNow);
        Assert.Equal("2025-01-10T10:15:00Z", Iso(plan.FirstMissed));
        Assert.Equal("2025-01-10T11:30:00Z", Iso(plan.Next));
    }

    [Fact]
    public void Plan_Once_RunsLatestMissedAsStandIn()
    {
        var schedule = Every15 with { CatchUp = RecurrenceCatchUp.Once };

        var plan = RecurrenceCalculator.Plan(schedule, Utc("2025-01-10T10:00Z"), Utc("2025-01-10T11:20Z"));

        Assert.Equal(["2025-01-10T11:15:00Z"], Iso(plan.RunNow));
        Assert.Equal("2025-01-10T11:30:00Z", Iso(plan.Next));
    }

    [Fact]
    public void Plan_AllUnderLimit_RunsEveryMissedOccurrence()
    {
        var schedule = Every15 with { CatchUp = RecurrenceCatchUp.All };

        var plan = RecurrenceCalculator.Plan(schedule, Utc("2025-01-10T10:00Z"), Utc("2025-01-10T11:15Z"));

        Assert.Equal(
            ["2025-01-10T10:15:00Z", "2025-01-10T10:30:00Z", "2025-01-10T10:45:00Z", "2025-01-10T11:00:00Z", "2025-01-10T11:15:00Z"],
            Iso(plan.RunNow));
        Assert.Equal("2025-01-10T11:30:00Z", Iso(plan.Next));
    }

    [Fact]
    public void Plan_AllOverLimit_RunsLatestUpToLimit()
    {
        var schedule = Every15 with { CatchUp = RecurrenceCatchUp.All, CatchUpLimit = 3 };

        var plan = RecurrenceCalculator.Plan(schedule, Utc("2025-01-10T10:00Z"), Utc("2025-01-10T11:20Z"));

        Assert.Equal(["2025-01-10T10:45:00Z", "2025-01-10T11:00:00Z", "2025-01-10T11:15:00Z"], Iso(plan.RunNow));
    }

    [Fact]
    public void Plan_AllAfterLongOutage_RunsLimitAndFirstMissedIsOldest()
    {
        var schedule = Weekly(RecurrenceWeekdays.All, null, null, 1) with { CatchUp = RecurrenceCatchUp.All, CatchUpLimit = 100 };

        var plan = RecurrenceCalculator.Plan(schedule, Utc("2024-01-10T10:00Z"), Utc("2025-01-10T10:00:30Z"));

        Assert.Equal(100, plan.RunNow.Count);
        Assert.Equal("2025-01-10T08:21:00Z", Iso(plan.RunNow[0]));
        Assert.Equal("2025-01-10T10:00:00Z", Iso(plan.RunNow[^1]));
        Assert.Equal("2024-01-10T10:01:00Z", Iso(plan.FirstMissed));
        Assert.Equal("2025-01-10T10:01:00Z", Iso(plan.Next));
    }

    [Fact]
    public void Plan_AllWithSparseWindow_FindsMissedAcrossNights()
    {
        var schedule = Weekly(RecurrenceWeekdays.WorkDays, "08:00", "09:00", 30) with { CatchUp = RecurrenceCatchUp.All, CatchUpLimit = 3 };

        // Friday 08:30 run was the last; the server comes back on Tuesday 12:00.
        var plan = RecurrenceCalculator.Plan(schedule, Utc("2025-01-10T08:30Z"), Utc("2025-01-14T12:00Z"));

        Assert.Equal(["2025-01-13T08:30:00Z", "2025-01-14T08:00:00Z", "2025-01-14T08:30:00Z"], Iso(plan.RunNow));
        Assert.Equal("2025-01-15T08:00:00Z", Iso(plan.Next));
    }

    [Fact]
    public void Plan_FormulaChain_CatchesUpAlongTheChain()
    {
        var schedule = Formula("2W", "09:00", "UTC", Utc("2025-01-06T00:00Z")) with { CatchUp = RecurrenceCatchUp.All };

        var plan = RecurrenceCalculator.Plan(schedule, Utc("2025-01-06T09:00Z"), Utc("2025-02-10T00:00Z"));

        Assert.Equal(["2025-01-20T09:00:00Z", "2025-02-03T09:00:00Z"], Iso(plan.RunNow));
        Assert.Equal("2025-02-17T09:00:00Z", Iso(plan.Next));
    }

    [Fact]
    public void Plan_PastExpiration_RunsNothing()
    {
        var schedule = Every15 with { CatchUp = RecurrenceCatchUp.All, Expiration = Utc("2025-01-10T10:40Z") };

        var plan = RecurrenceCalculator.Plan(schedule, Utc("2025-01-10T10:00Z"), Utc("2025-01-10T11:20Z"));

        Assert.Empty(plan.RunNow);
        Assert.Null(plan.Next);
        Assert.True(plan.Missed);
    }

    [Fact]
    public void Plan_FixedDelayOverdue_OnceRunsTheDueRun()
    {
        var schedule = Weekly(RecurrenceWeekdays.All, null, null, 60) with
        {
            Anchoring = RecurrenceAnchoring.FixedDelay,
            CatchUp = RecurrenceCatchUp.All,
        };

        // Last run completed 10:07; due 11:07; the server came back at 14:00.
        var plan = RecurrenceCalculator.Plan(schedule, Utc("2025-01-10T10:07Z"), Utc("2025-01-10T14:00Z"));

        Assert.Equal(["2025-01-10T11:07:00Z"], Iso(plan.RunNow));
    }

    [Fact]
    public void AfterRun_FixedRateQuickRun_NextIsGridPoint()
    {
        var schedule = Weekly(RecurrenceWeekdays.All, "08:00", "17:00", 60);

        var followUp = RecurrenceCalculator.AfterRun(schedule, Utc("2025-01-10T09:00Z"), Utc("2025-01-10T09:20Z"));

        Assert.Null(followUp.RunNow);
        Assert.Equal("2025-01-10T10:00:00Z", Iso(followUp.Next));
    }

    [Fact]
    public void AfterRun_FixedDelayQuickRun_NextIsCompletionPlusMinutes()
    {
        var schedule = Weekly(RecurrenceWeekdays.All, "08:00", "17:00", 60) with { Anchoring = RecurrenceAnchoring.FixedDelay };

        var followUp = RecurrenceCalculator.AfterRun(schedule, Utc("2025-01-10T09:00Z"), Utc("2025-01-10T09:20Z"));

        Assert.Equal("2025-01-10T10:20:00Z", Iso(followUp.Next));
    }

    [Fact]
    public void AfterRun_FixedDelayPastWindow_MovesToNextOpening()
    {
        var schedule = Weekly(RecurrenceWeekdays.WorkDays, "08:00", "17:00", 60) with { Anchoring = RecurrenceAnchoring.FixedDelay };

        // Friday 16:30 + 60 min is outside the window; Saturday and Sunday are not allowed.
        var followUp = RecurrenceCalculator.AfterRun(schedule, Utc("2025-01-10T16:00Z"), Utc("2025-01-10T16:30Z"));

        Assert.Equal("2025-01-13T08:00:00Z", Iso(followUp.Next));
    }

    [Fact]
    public void AfterRun_FixedDelayFormula_AppliesFormulaToCompletionDate()
    {
        var schedule = Formula("1W", "06:00") with { Anchoring = RecurrenceAnchoring.FixedDelay };

        var followUp = RecurrenceCalculator.AfterRun(schedule, Utc("2025-01-06T06:00Z"), Utc("2025-01-08T10:00Z"));

        Assert.Equal("2025-01-15T06:00:00Z", Iso(followUp.Next));
    }

    [Fact]
    public void AfterRun_FixedDelayCron_NextMatchAfterCompletion()
    {
        var schedule = Cron("*/10 * * * *") with { Anchoring = RecurrenceAnchoring.FixedDelay };

        var followUp = RecurrenceCalculator.AfterRun(schedule, Utc("2025-01-10T10:00Z"), Utc("2025-01-10T10:25Z"));

        Assert.Equal("2025-01-10T10:30:00Z", Iso(followUp.Next));
    }

    [Fact]
    public void AfterRun_FixedRateSlowRunOverlapSkip_DropsOverlappedAndDoesNotBurst()
    {
        var schedule = Weekly(RecurrenceWeekdays.All, null, null, 15);

        var followUp = RecurrenceCalculator.AfterRun(schedule, Utc("2025-01-10T10:00Z"), Utc("2025-01-10T10:50Z"));

        Assert.Null(followUp.RunNow);
        Assert.Equal("2025-01-10T11:00:00Z", Iso(followUp.Next));
    }

    [Fact]
    public void AfterRun_FixedRateSlowRunBufferOne_RunsLatestOverlappedNow()
    {
        var schedule = Weekly(RecurrenceWeekdays.All, null, null, 15) with { Overlap = RecurrenceOverlap.BufferOne };

        var followUp = RecurrenceCalculator.AfterRun(schedule, Utc("2025-01-10T10:00Z"), Utc("2025-01-10T10:50Z"));

        Assert.Equal("2025-01-10T10:45:00Z", Iso(followUp.RunNow));
        Assert.Equal("2025-01-10T11:00:00Z", Iso(followUp.Next));
    }

    [Fact]
    public void AfterRun_BufferOneQuickRun_HasNothingToBuffer()
    {
        var schedule = Weekly(RecurrenceWeekdays.All, null, null, 15) with { Overlap = RecurrenceOverlap.BufferOne };

        Assert.Null(RecurrenceCalculator.AfterRun(schedule, Utc("2025-01-10T10:00Z"), Utc("2025-01-10T10:05Z")).RunNow);
    }

    [Fact]
    public void AfterRun_DayOfSevenMinuteRuns_FixedRateStaysOnGridWhileFixedDelayDrifts()
    {
        var fixedRate = Weekly(RecurrenceWeekdays.All, "08:00", "17:00", 30);
        var fixedDelay = fixedRate with { Anchoring = RecurrenceAnchoring.FixedDelay };
        var rateRuns = Simulate(fixedRate, new FakeTimeProvider(Utc("2025-01-10T08:00Z")), TimeSpan.FromMinutes(7));
        var delayRuns = Simulate(fixedDelay, new FakeTimeProvider(Utc("2025-01-10T08:00Z")), TimeSpan.FromMinutes(7));

        Assert.All(rateRuns, run => Assert.True(run.Minute is 0 or 30 && run.Second == 0));
        Assert.Equal(18, rateRuns.Count);
        Assert.Equal("2025-01-10T08:37:00Z", Iso(delayRuns[1]));
        Assert.True(delayRuns.Count < rateRuns.Count);
    }

    // Runs every occurrence of one day: the run takes `duration` on the fake clock, then AfterRun decides.
    private static List<DateTimeOffset> Simulate(RecurrenceSchedule schedule, FakeTimeProvider clock, TimeSpan duration)
    {
        var runs = new List<DateTimeOffset>();
        var occurrence = clock.GetUtcNow();
        while (occurrence < Utc("2025-01-10T17:00Z"))
        {
            runs.Add(occurrence);
            clock.SetUtcNow(occurrence + duration);
            var followUp = RecurrenceCalculator.AfterRun(schedule, occurrence, clock.GetUtcNow());
            occurrence = followUp.Next!.Value;
        }

        return runs;
    }
}
