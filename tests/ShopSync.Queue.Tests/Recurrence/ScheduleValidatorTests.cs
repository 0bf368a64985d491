using ShopSync.Queue.Recurrence;
using static ShopSync.Queue.Tests.Recurrence.RecurrenceTestData;

namespace ShopSync.Queue.Tests.Recurrence;

public sealed class ScheduleValidatorTests
{
    [Fact]
    public void Validate_GoodSchedule_HasNoErrors()
    {
        Assert.Empty(ScheduleValidator.Validate(Weekly(RecurrenceWeekdays.WorkDays, "23:00", "02:00", 15, Oslo)));
    }

    [Fact]
    public void Validate_EndEqualsStart_NamesEndingTime()
    {
        var error = Assert.Single(ScheduleValidator.Validate(Weekly(RecurrenceWeekdays.All, "08:00", "08:00", 15)));

        Assert.Equal("schedule.weekly.ending_time", error.Field);
        Assert.Contains("equals starting_time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MidnightEndWithEmptyStart_IsEmptyWindow()
    {
        var error = Assert.Single(ScheduleValidator.Validate(Weekly(RecurrenceWeekdays.All, null, "00:00", 15)));

        Assert.Equal("schedule.weekly.ending_time", error.Field);
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(1441)]
    public void Validate_MinutesOutOfRange_NamesMinutesField(int minutes)
    {
        var error = Assert.Single(ScheduleValidator.Validate(Weekly(RecurrenceWeekdays.All, null, null, minutes)));

        Assert.Equal("schedule.weekly.minutes_between_runs", error.Field);
        Assert.Contains($"got {minutes}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroMinutes_MeansDefault()
    {
        Assert.Empty(ScheduleValidator.Validate(Weekly(RecurrenceWeekdays.All, null, null, 0)));
        Assert.Equal(1440, new WeeklyForm(RecurrenceWeekdays.All).EffectiveMinutesBetweenRuns);
    }

    [Fact]
    public void Validate_NoWeekday_NamesWeekdays()
    {
        var error = Assert.Single(ScheduleValidator.Validate(Weekly(RecurrenceWeekdays.None, null, null, 60)));

        Assert.Equal("schedule.weekly.weekdays", error.Field);
        Assert.Contains("at least one weekday", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownZone_NamesTimeZone()
    {
        var error = Assert.Single(ScheduleValidator.Validate(Weekly(RecurrenceWeekdays.All, null, null, 60, "Mars/Olympus_Mons")));

        Assert.Equal("schedule.time_zone", error.Field);
        Assert.Contains("unknown time zone 'Mars/Olympus_Mons'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyZone_IsUtc()
    {
        var schedule = Weekly(RecurrenceWeekdays.All, "10:00", null, 0, string.Empty);

        Assert.Empty(ScheduleValidator.Validate(schedule));
        Assert.Equal("2025-01-10T10:00:00Z", Iso(RecurrenceCalculator.NextOccurrence(schedule, Utc("2025-01-10T09:00Z"))));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Validate_CatchUpLimitOutOfRange_NamesField(int limit)
    {
        var schedule = Weekly(RecurrenceWeekdays.All, null, null, 60) with { CatchUpLimit = limit };

        var error = Assert.Single(ScheduleValidator.Validate(schedule));

        Assert.Equal("schedule.catch_up_limit", error.Field);
        Assert.Contains("must be 1..100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ExpirationNotAfterEarliestStart_NamesExpiration()
    {
        var schedule = Weekly(RecurrenceWeekdays.All, null, null, 60) with
        {
            EarliestStart = Utc("2025-01-10T10:00Z"),
            Expiration = Utc("2025-01-10T10:00Z"),
        };

        var error = Assert.Single(ScheduleValidator.Validate(schedule));

        Assert.Equal("schedule.expiration", error.Field);
    }

    [Fact]
    public void Validate_UnsupportedFormulaPart_NamesFormulaField()
    {
        var error = Assert.Single(ScheduleValidator.Validate(Formula("CM+LY", "06:00")));

        Assert.Equal("schedule.date_formula.formula", error.Field);
        Assert.Contains("unsupported date formula part 'LY'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CronThatNeverMatches_SaysSo()
    {
        var error = Assert.Single(ScheduleValidator.Validate(Cron("0 0 31 4 *")));

        Assert.Equal("schedule.cron.expression", error.Field);
        Assert.Contains("never matches", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CustomPrefix_IsUsedInFieldPaths()
    {
        var error = Assert.Single(ScheduleValidator.Validate(Cron("bad"), "definition.schedule"));

        Assert.Equal("definition.schedule.cron.expression", error.Field);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsAll()
    {
        var schedule = Weekly(RecurrenceWeekdays.None, "08:00", "08:00", -1, "Nowhere/Land") with { CatchUpLimit = 500 };

        var fields = ScheduleValidator.Validate(schedule).Select(e => e.Field).ToArray();

        Assert.Equal(
            ["schedule.time_zone", "schedule.catch_up_limit", "schedule.weekly.weekdays", "schedule.weekly.minutes_between_runs", "schedule.weekly.ending_time"],
            fields);
    }

    [Theory]
    [InlineData("08:00", 8, 0, 0)]
    [InlineData("8:05", 8, 5, 0)]
    [InlineData("23:59:59", 23, 59, 59)]
    public void TryParseTimeOfDay_Valid_Parses(string text, int hour, int minute, int second)
    {
        Assert.True(ScheduleValidator.TryParseTimeOfDay(text, "schedule.weekly.starting_time", out var time, out var error));
        Assert.Null(error);
        Assert.Equal(new TimeOnly(hour, minute, second), time);
    }

    [Fact]
    public void TryParseTimeOfDay_Empty_IsNull()
    {
        Assert.True(ScheduleValidator.TryParseTimeOfDay(string.Empty, "schedule.weekly.ending_time", out var time, out _));
        Assert.Null(time);
    }

    [Theory]
    [InlineData("24:00")]
    [InlineData("8")]
    [InlineData("08:00 PM")]
    public void TryParseTimeOfDay_Invalid_NamesField(string text)
    {
        Assert.False(ScheduleValidator.TryParseTimeOfDay(text, "schedule.weekly.ending_time", out _, out var error));
        Assert.Equal("schedule.weekly.ending_time", error!.Field);
        Assert.Contains($"'{text}' is not a time of day", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseWeekdays_ProtoNumbers_MapToFlags()
    {
        Assert.True(ScheduleValidator.TryParseWeekdays([1, 5, 7], "schedule.weekly.weekdays", out var days, out _));
        Assert.Equal(RecurrenceWeekdays.Monday | RecurrenceWeekdays.Friday | RecurrenceWeekdays.Sunday, days);
    }

    [Fact]
    public void TryParseWeekdays_Unspecified_NamesIndex()
    {
        Assert.False(ScheduleValidator.TryParseWeekdays([1, 0], "schedule.weekly.weekdays", out _, out var error));
        Assert.Equal("schedule.weekly.weekdays[1]", error!.Field);
    }

    [Fact]
    public void NextOccurrence_InvalidSchedule_ThrowsWithFieldMessages()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            RecurrenceCalculator.NextOccurrence(Weekly(RecurrenceWeekdays.None, null, null, 60), Utc("2025-01-10T00:00Z")));

        Assert.Contains("schedule.weekly.weekdays", ex.Message, StringComparison.Ordinal);
    }
}
