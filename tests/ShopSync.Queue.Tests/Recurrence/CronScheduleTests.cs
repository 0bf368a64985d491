using ShopSync.Queue.Recurrence;
using static ShopSync.Queue.Tests.Recurrence.RecurrenceTestData;

namespace ShopSync.Queue.Tests.Recurrence;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("*/15 * * * *", "2025-01-10T10:07Z", "2025-01-10T10:15:00Z")]
    [InlineData("*/15 * * * *", "2025-01-10T10:15Z", "2025-01-10T10:30:00Z")]
    [InlineData("0 9 * * 1-5", "2025-01-10T10:00Z", "2025-01-13T09:00:00Z")]
    [InlineData("0 9 * * 0", "2025-01-10T10:00Z", "2025-01-12T09:00:00Z")]
    [InlineData("0 9 * * 7", "2025-01-10T10:00Z", "2025-01-12T09:00:00Z")]
    [InlineData("0 9 * * sun", "2025-01-10T10:00Z", "2025-01-12T09:00:00Z")]
    [InlineData("0 9 * * 6-7", "2025-01-10T10:00Z", "2025-01-11T09:00:00Z")]
    [InlineData("0 9 * * */2", "2025-01-10T10:00Z", "2025-01-11T09:00:00Z")]
    [InlineData("0 0 1 jan,jul *", "2025-01-10T10:00Z", "2025-07-01T00:00:00Z")]
    [InlineData("5,10-12 3 * * *", "2025-01-10T03:10Z", "2025-01-10T03:11:00Z")]
    [InlineData("0 0 29 2 *", "2025-01-10T00:00Z", "2028-02-29T00:00:00Z")]
    [InlineData("@hourly", "2025-01-10T10:07Z", "2025-01-10T11:00:00Z")]
    [InlineData("30 */5 * * * *", "2025-01-10T10:07Z", "2025-01-10T10:10:30Z")]
    [InlineData("0-10/5 0 12 * * *", "2025-01-10T12:00:05Z", "2025-01-10T12:00:10Z")]
    public void NextOccurrence_UnixCron_FollowsUnixSemantics(string expression, string after, string expected)
    {
        Assert.Equal(expected, Iso(RecurrenceCalculator.NextOccurrence(Cron(expression), Utc(after))));
    }

    [Fact]
    public void Preview_BothDayFieldsRestricted_MatchesEither()
    {
        // The 13th OR any Friday (unix rule). July 2025: Fridays 4, 11, 18 and Sunday the 13th.
        var runs = RecurrenceCalculator.Preview(Cron("0 12 13 * 5"), Utc("2025-07-01T00:00Z"), 5);

        Assert.Equal(
            ["2025-07-04T12:00:00Z", "2025-07-11T12:00:00Z", "2025-07-13T12:00:00Z", "2025-07-18T12:00:00Z", "2025-07-25T12:00:00Z"],
            Iso(runs));
    }

    [Fact]
    public void Preview_FridayThe13th_RunsOnce()
    {
        var runs = RecurrenceCalculator.Preview(Cron("0 12 13 * 5"), Utc("2025-06-10T00:00Z"), 2);

        Assert.Equal(["2025-06-13T12:00:00Z", "2025-06-20T12:00:00Z"], Iso(runs));
    }

    [Fact]
    public void NextOccurrence_OnlyDayOfWeekRestricted_IgnoresDayOfMonth()
    {
        Assert.Equal("2025-01-13T00:00:00Z", Iso(RecurrenceCalculator.NextOccurrence(Cron("0 0 * * mon"), Utc("2025-01-10T00:00Z"))));
    }

    [Theory]
    [InlineData("* * * *", "expected 5 fields")]
    [InlineData("61 * * * *", "value 61 is out of range in the minute field")]
    [InlineData("0 24 * * *", "value 24 is out of range in the hour field")]
    [InlineData("0 0 L * *", "unsupported value 'L' in the day-of-month field")]
    [InlineData("0 0 ? * *", "unsupported value '?' in the day-of-month field")]
    [InlineData("0 0 * * 1#2", "unsupported value '1#2' in the day-of-week field")]
    [InlineData("0 22-2 * * *", "runs backwards")]
    [InlineData("*/0 * * * *", "bad step")]
    [InlineData("0 0 30 2 *", "never matches")]
    [InlineData("0 0 */2 * 1", "restrict only one of them")]
    [InlineData("@fortnightly", "unknown cron macro")]
    [InlineData("", "required")]
    public void Validate_MalformedCron_NamesExpressionField(string expression, string expected)
    {
        var error = Assert.Single(ScheduleValidator.Validate(Cron(expression)));

        Assert.Equal("schedule.cron.expression", error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
