using ShopSync.Queue.Recurrence;
using static ShopSync.Queue.Tests.Recurrence.RecurrenceTestData;

namespace ShopSync.Queue.Tests.Recurrence;

/// <summary>
/// Oslo: 2025-03-30 02:00 CET → 03:00 CEST (01:00Z); 2025-10-26 03:00 CEST → 02:00 CET (01:00Z).
/// New York: 2025-03-09 02:00 EST → 03:00 EDT (07:00Z); 2025-11-02 02:00 EDT → 01:00 EST (06:00Z).
/// </summary>
public sealed class DaylightSavingTests
{
    [Fact]
    public void Preview_OsloWeeklyGridAcrossSpringGap_RunsAtGapEndOnce()
    {
        var schedule = Weekly(RecurrenceWeekdays.Sunday, "01:00", "04:00", 30, Oslo);

        // 01:00, 01:30 CET; 02:00, 02:30 and 03:00 all name 03:00 CEST; then 03:30 CEST.
        Assert.Equal(
            ["2025-03-30T00:00:00Z", "2025-03-30T00:30:00Z", "2025-03-30T01:00:00Z", "2025-03-30T01:30:00Z", "2025-04-05T23:00:00Z"],
            Iso(RecurrenceCalculator.Preview(schedule, Utc("2025-03-29T12:00Z"), 5)));
    }

    [Fact]
    public void Preview_OsloWeeklyGridAcrossFallBack_RunsRepeatedReadingsOnce()
    {
        var schedule = Weekly(RecurrenceWeekdays.Sunday, "01:00", "04:00", 30, Oslo);

        Assert.Equal(
            ["2025-10-25T23:00:00Z", "2025-10-25T23:30:00Z", "2025-10-26T00:00:00Z", "2025-10-26T00:30:00Z",
             "2025-10-26T02:00:00Z", "2025-10-26T02:30:00Z"],
            Iso(RecurrenceCalculator.Preview(schedule, Utc("2025-10-25T12:00Z"), 6)));
    }

    [Fact]
    public void NextOccurrence_FromSecondPassOfFallBack_GoesToNextReading()
    {
        var schedule = Weekly(RecurrenceWeekdays.All, null, null, 15, Oslo);

        // 01:20Z is 02:20 CET, the second 02:20; every 02:xx reading was used in the first pass.
        Assert.Equal("2025-10-26T02:00:00Z", Iso(RecurrenceCalculator.NextOccurrence(schedule, Utc("2025-10-26T01:20Z"))));
    }

    [Fact]
    public void Preview_NewYorkWeeklyAcrossBothTransitions_FollowsRules()
    {
        var schedule = Weekly(RecurrenceWeekdays.Sunday, "00:00", "03:00", 30, NewYork);

        Assert.Equal(
            ["2025-03-09T05:00:00Z", "2025-03-09T05:30:00Z", "2025-03-09T06:00:00Z", "2025-03-09T06:30:00Z", "2025-03-09T07:00:00Z"],
            Iso(RecurrenceCalculator.Preview(schedule, Utc("2025-03-09T00:00Z"), 5)));
        Assert.Equal(
            ["2025-11-02T04:00:00Z", "2025-11-02T04:30:00Z", "2025-11-02T05:00:00Z", "2025-11-02T05:30:00Z",
             "2025-11-02T07:00:00Z", "2025-11-02T07:30:00Z"],
            Iso(RecurrenceCalculator.Preview(schedule, Utc("2025-11-02T00:00Z"), 6)));
    }

    [Fact]
    public void Preview_OsloDailyFormulaInGap_RunsAtThreeLocal()
    {
        var schedule = Formula("1D", "02:30", Oslo, Utc("2025-03-28T00:00Z"));

        Assert.Equal(
            ["2025-03-29T01:30:00Z", "2025-03-30T01:00:00Z", "2025-03-31T00:30:00Z"],
            Iso(RecurrenceCalculator.Preview(schedule, Utc("2025-03-29T00:00Z"), 3)));
        Assert.Equal(
            ["2025-10-25T00:30:00Z", "2025-10-26T00:30:00Z", "2025-10-27T01:30:00Z"],
            Iso(RecurrenceCalculator.Preview(schedule, Utc("2025-10-25T00:00Z"), 3)));
    }

    [Fact]
    public void Preview_NewYorkDailyFormula_KeepsLocalTime()
    {
        var schedule = Formula("1D", "01:30", NewYork, Utc("2025-11-01T00:00Z"));

        // 01:30 EDT on the fall-back day (the first 01:30), then 01:30 EST.
        Assert.Equal(
            ["2025-11-01T05:30:00Z", "2025-11-02T05:30:00Z", "2025-11-03T06:30:00Z"],
            Iso(RecurrenceCalculator.Preview(schedule, Utc("2025-11-01T00:00Z"), 3)));
    }

    [Fact]
    public void Preview_OsloCronDailyInGapAndRepeat_RunsOnceEachDay()
    {
        var schedule = Cron("30 2 * * *", Oslo);

        Assert.Equal(
            ["2025-03-29T01:30:00Z", "2025-03-30T01:00:00Z", "2025-03-31T00:30:00Z"],
            Iso(RecurrenceCalculator.Preview(schedule, Utc("2025-03-29T00:00Z"), 3)));
        Assert.Equal(
            ["2025-10-26T00:30:00Z", "2025-10-27T01:30:00Z"],
            Iso(RecurrenceCalculator.Preview(schedule, Utc("2025-10-26T00:00Z"), 2)));
    }

    [Fact]
    public void Preview_NewYorkHourlyCronAcrossGap_DeduplicatesGapEnd()
    {
        var schedule = Cron("0 * * * *", NewYork);

        // 01:00 EST, 02:00 (gap) → 03:00 EDT, 03:00 EDT itself is the same instant, then 04:00 EDT.
        Assert.Equal(
            ["2025-03-09T06:00:00Z", "2025-03-09T07:00:00Z", "2025-03-09T08:00:00Z"],
            Iso(RecurrenceCalculator.Preview(schedule, Utc("2025-03-09T06:00Z"), 3)));
    }

    [Fact]
    public void Preview_NewYorkHourlyCronAcrossFallBack_SkipsSecondPass()
    {
        var schedule = Cron("0 * * * *", NewYork);

        // 00:00 EDT, 01:00 EDT (first), then 02:00 EST: the second 01:00 does not run.
        Assert.Equal(
            ["2025-11-02T04:00:00Z", "2025-11-02T05:00:00Z", "2025-11-02T07:00:00Z"],
            Iso(RecurrenceCalculator.Preview(schedule, Utc("2025-11-02T04:00Z"), 3)));
    }
}
