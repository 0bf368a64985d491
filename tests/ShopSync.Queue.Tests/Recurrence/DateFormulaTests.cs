using System.Globalization;
using ShopSync.Queue.Recurrence;
using static ShopSync.Queue.Tests.Recurrence.RecurrenceTestData;

namespace ShopSync.Queue.Tests.Recurrence;

public sealed class DateFormulaTests
{
    [Theory]
    [InlineData("1D", "2024-02-28", "2024-02-29")]
    [InlineData("1D", "2023-12-31", "2024-01-01")]
    [InlineData("2W", "2025-01-08", "2025-01-22")]
    [InlineData("-1W", "2025-01-08", "2025-01-01")]
    [InlineData("1M", "2024-01-31", "2024-02-29")]
    [InlineData("1M", "2023-01-31", "2023-02-28")]
    [InlineData("1Q", "2024-11-30", "2025-02-28")]
    [InlineData("1Y", "2024-02-29", "2025-02-28")]
    [InlineData("CD", "2025-01-08", "2025-01-08")]
    [InlineData("CW", "2025-01-08", "2025-01-12")]
    [InlineData("CW", "2025-01-12", "2025-01-12")]
    [InlineData("-CW", "2025-01-08", "2025-01-06")]
    [InlineData("CM", "2024-02-10", "2024-02-29")]
    [InlineData("CM", "2023-02-10", "2023-02-28")]
    [InlineData("-CM", "2024-02-10", "2024-02-01")]
    [InlineData("CQ", "2025-05-15", "2025-06-30")]
    [InlineData("-CQ", "2025-05-15", "2025-04-01")]
    [InlineData("CQ", "2025-12-01", "2025-12-31")]
    [InlineData("CY", "2025-05-15", "2025-12-31")]
    [InlineData("-CY", "2025-05-15", "2025-01-01")]
    [InlineData("WD1", "2025-01-08", "2025-01-13")]
    [InlineData("WD1", "2025-01-13", "2025-01-20")]
    [InlineData("WD7", "2025-01-08", "2025-01-12")]
    [InlineData("WD3", "2025-01-07", "2025-01-08")]
    [InlineData("-WD1", "2025-01-08", "2025-01-06")]
    [InlineData("CM+1D", "2024-12-15", "2025-01-01")]
    [InlineData("CM+1D", "2024-02-29", "2024-03-01")]
    [InlineData("-CM+1M", "2025-01-31", "2025-02-01")]
    [InlineData("CQ+1M+20D", "2025-02-10", "2025-05-20")]
    [InlineData("CW+1W", "2025-01-08", "2025-01-19")]
    [InlineData("<1W>", "2025-01-08", "2025-01-15")]
    [InlineData(" cm + 1d ", "2025-01-15", "2025-02-01")]
    [InlineData("+1D-1W+2W", "2025-01-08", "2025-01-16")]
    public void Apply_Formula_GivesErpDate(string formula, string from, string expected)
    {
        var parsed = DateFormula.TryParse(formula, out var error);

        Assert.Null(error);
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), parsed!.Apply(DateOnly.Parse(from, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("LY", "unsupported date formula part 'LY'")]
    [InlineData("1D+LY", "unsupported date formula part 'LY'")]
    [InlineData("CM1D", "unsupported date formula part 'CM1D'")]
    [InlineData("D15", "unsupported date formula part 'D15'")]
    [InlineData("1P", "unsupported date formula part '1P'")]
    [InlineData("WD8", "unsupported date formula part 'WD8'")]
    [InlineData("0D", "must be 1..9999")]
    [InlineData("1D*2", "unexpected character '*'")]
    [InlineData("1D+", "ends with a sign")]
    [InlineData("<1D", "unbalanced")]
    [InlineData("1D1W", "unsupported date formula part '1D1W'")]
    [InlineData("", "required")]
    [InlineData("<>", "no terms")]
    public void TryParse_Malformed_NamesThePart(string formula, string expected)
    {
        Assert.Null(DateFormula.TryParse(formula, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CD")]
    [InlineData("-1D")]
    [InlineData("CM-1D")]
    [InlineData("CW")]
    public void Validate_NonAdvancingFormula_IsRejected(string formula)
    {
        var errors = ScheduleValidator.Validate(Formula(formula, "06:00"));

        var error = Assert.Single(errors);
        Assert.Equal("schedule.date_formula.formula", error.Field);
        Assert.Contains("does not move the date forward", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_MonthlyFormulaWithEarliestStart_ChainsFromItsDate()
    {
        var schedule = Formula("CM+1D", "06:00", Oslo, Utc("2025-01-15T00:00Z"));

        Assert.Equal(
            ["2025-01-15T05:00:00Z", "2025-02-01T05:00:00Z", "2025-03-01T05:00:00Z", "2025-04-01T04:00:00Z"],
            Iso(RecurrenceCalculator.Preview(schedule, Utc("2025-01-01T00:00Z"), 4)));
    }

    [Fact]
    public void NextOccurrence_TwoWeeksAnchoredLongAgo_KeepsTheChainParity()
    {
        // Anchored Monday 2024-01-01: every other Monday; 2025-01-06 is 53 weeks later, so it is off-chain.
        var schedule = Formula("2W", "09:00", "UTC", Utc("2024-01-01T00:00Z"));

        Assert.Equal("2025-01-13T09:00:00Z", Iso(RecurrenceCalculator.NextOccurrence(schedule, Utc("2025-01-02T00:00Z"))));
    }

    [Fact]
    public void NextOccurrence_WithoutEarliestStart_ChainsFromTheDateOfAfter()
    {
        var schedule = Formula("1W", "09:00");

        // Wednesday 08:00: today's 09:00 is still ahead; from 09:00 itself the chain moves a week.
        Assert.Equal("2025-01-08T09:00:00Z", Iso(RecurrenceCalculator.NextOccurrence(schedule, Utc("2025-01-08T08:00Z"))));
        Assert.Equal("2025-01-15T09:00:00Z", Iso(RecurrenceCalculator.NextOccurrence(schedule, Utc("2025-01-08T09:00Z"))));
    }

    [Fact]
    public void Preview_LeapYearMonthEnds_FollowCalendar()
    {
        var schedule = Formula("1D+CM", null, "UTC", Utc("2024-01-31T00:00Z"));

        Assert.Equal(
            ["2024-01-31T00:00:00Z", "2024-02-29T00:00:00Z", "2024-03-31T00:00:00Z", "2024-04-30T00:00:00Z"],
            Iso(RecurrenceCalculator.Preview(schedule, Utc("2024-01-01T00:00Z"), 4)));
    }

    [Fact]
    public void Preview_NextMonday_RunsEveryMonday()
    {
        var schedule = Formula("WD1", "07:30", "UTC", Utc("2025-01-08T00:00Z"));

        Assert.Equal(
            ["2025-01-08T07:30:00Z", "2025-01-13T07:30:00Z", "2025-01-20T07:30:00Z"],
            Iso(RecurrenceCalculator.Preview(schedule, Utc("2025-01-08T00:00Z"), 3)));
    }
}
