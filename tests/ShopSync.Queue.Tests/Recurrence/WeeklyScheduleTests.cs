using ShopSync.Queue.Recurrence;
using static ShopSync.Queue.Tests.Recurrence.RecurrenceTestData;

namespace ShopSync.Queue.Tests.Recurrence;

public sealed class WeeklyScheduleTests
{
    [Fact]
    public void NextOccurrence_AfterFridayWindow_MovesToMondayOpening()
    {
        var schedule = Weekly(RecurrenceWeekdays.WorkDays, "08:00", "17:00", 60);

        // 2025-01-10 is a Friday.
        Assert.Equal("2025-01-13T08:00:00Z", Iso(RecurrenceCalculator.NextOccurrence(schedule, Utc("2025-01-10T16:30Z"))));
    }

    [Fact]
    public void NextOccurrence_InsideWindow_ReturnsNextGridPointStrictlyAfter()
    {
        var schedule = Weekly(RecurrenceWeekdays.WorkDays, "08:00", "17:00", 60);

        Assert.Equal("2025-01-10T10:00:00Z", Iso(RecurrenceCalculator.NextOccurrence(schedule, Utc("2025-01-10T09:00Z"))));
        Assert.Equal("2025-01-10T10:00:00Z", Iso(RecurrenceCalculator.NextOccurrence(schedule, Utc("2025-01-10T09:59:59Z"))));
    }

    [Fact]
    public void Preview_WindowCrossingMidnight_BelongsToTheOpeningWeekday()
    {
        // Monday only, 23:00-02:00: the window opening Monday 23:00 runs into Tuesday; Sunday's does not exist.
        var schedule = Weekly(RecurrenceWeekdays.Monday, "23:00", "02:00", 30);

        var runs = RecurrenceCalculator.Preview(schedule, Utc("2025-01-12T23:30Z"), 7);

        Assert.Equal(
            ["2025-01-13T23:00:00Z", "2025-01-13T23:30:00Z", "2025-01-14T00:00:00Z", "2025-01-14T00:30:00Z",
             "2025-01-14T01:00:00Z", "2025-01-14T01:30:00Z", "2025-01-20T23:00:00Z"],
            Iso(runs));
    }

    [Fact]
    public void NextOccurrence_AtWindowEnd_IsExclusive()
    {
        var schedule = Weekly(RecurrenceWeekdays.All, "08:00", "09:00", 30);

        Assert.Equal("2025-01-11T08:00:00Z", Iso(RecurrenceCalculator.NextOccurrence(schedule, Utc("2025-01-10T08:30Z"))));
    }

    [Fact]
    public void Preview_StepNotDividingWindow_RestartsAtNextOpening()
    {
        var schedule = Weekly(RecurrenceWeekdays.All, "08:00", "09:00", 25);

        Assert.Equal(
            ["2025-01-10T08:00:00Z", "2025-01-10T08:25:00Z", "2025-01-10T08:50:00Z", "2025-01-11T08:00:00Z"],
            Iso(RecurrenceCalculator.Preview(schedule, Utc("2025-01-10T00:00Z"), 4)));
    }

    [Fact]
    public void Preview_ZeroMinutes_RunsOnceADayAtStart()
    {
        var schedule = Weekly(RecurrenceWeekdays.Tuesday | RecurrenceWeekdays.Thursday, "06:15", null, 0);

        Assert.Equal(
            ["2025-01-14T06:15:00Z", "2025-01-16T06:15:00Z", "2025-01-21T06:15:00Z"],
            Iso(RecurrenceCalculator.Preview(schedule, Utc("2025-01-13T00:00Z"), 3)));
    }

    [Fact]
    public void Preview_EmptyStartAndEnd_CoversWholeDay()
    {
        var schedule = Weekly(RecurrenceWeekdays.All, null, null, 360);

        Assert.Equal(
            ["2025-01-10T00:00:00Z", "2025-01-10T06:00:00Z", "2025-01-10T12:00:00Z", "2025-01-10T18:00:00Z", "2025-01-11T00:00:00Z"],
            Iso(RecurrenceCalculator.Preview(schedule, Utc("2025-01-10T00:00Z"), 5)));
    }

    [Fact]
    public void Preview_FromExactOccurrence_IncludesIt()
    {
        var schedule = Weekly(RecurrenceWeekdays.All, null, null, 15);

        Assert.Equal(["2025-01-10T10:15:00Z"], Iso(RecurrenceCalculator.Preview(schedule, Utc("2025-01-10T10:15Z"), 1)));
    }

    [Fact]
    public void NextOccurrence_LocalZone_UsesLocalWeekdayAndWindow()
    {
        // Oslo is UTC+1 in January: Monday 00:30 local is Sunday 23:30 UTC.
        var schedule = Weekly(RecurrenceWeekdays.Monday, "00:30", "01:00", 0, Oslo);

        Assert.Equal("2025-01-12T23:30:00Z", Iso(RecurrenceCalculator.NextOccurrence(schedule, Utc("2025-01-10T00:00Z"))));
    }

    [Fact]
    public void NextOccurrence_BeforeEarliestStart_StartsAtFirstGridPointFromIt()
    {
        var schedule = Weekly(RecurrenceWeekdays.All, null, null, 60) with { EarliestStart = Utc("2025-01-10T10:20Z") };

        Assert.Equal("2025-01-10T11:00:00Z", Iso(RecurrenceCalculator.NextOccurrence(schedule, Utc("2025-01-01T00:00Z"))));
    }

    [Fact]
    public void NextOccurrence_PastExpiration_ReturnsNull()
    {
        var schedule = Weekly(RecurrenceWeekdays.All, null, null, 60) with { Expiration = Utc("2025-01-10T11:00Z") };

        Assert.Equal("2025-01-10T11:00:00Z", Iso(RecurrenceCalculator.NextOccurrence(schedule, Utc("2025-01-10T10:30Z"))));
        Assert.Null(RecurrenceCalculator.NextOccurrence(schedule, Utc("2025-01-10T11:00Z")));
    }

    [Fact]
    public void NextOccurrence_Result_IsUtcWithZeroOffset()
    {
        var schedule = Weekly(RecurrenceWeekdays.All, "09:00", null, 0, Oslo);

        var next = RecurrenceCalculator.NextOccurrence(schedule, new DateTimeOffset(2025, 1, 10, 12, 0, 0, TimeSpan.FromHours(5)));

        Assert.Equal(TimeSpan.Zero, next!.Value.Offset);
        Assert.Equal("2025-01-10T08:00:00Z", Iso(next));
    }

    [Fact]
    public void FormatLocal_OsloSummer_PrintsOffset()
    {
        var schedule = Weekly(RecurrenceWeekdays.All, null, null, 60, Oslo);

        Assert.Equal("2025-06-01T12:00:00+02:00", RecurrenceCalculator.FormatLocal(schedule, Utc("2025-06-01T10:00Z")));
    }
}
