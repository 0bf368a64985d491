using System.Collections.Concurrent;
using ShopSync.Queue.Recurrence;

namespace ShopSync.Queue.Tests.Recurrence;

/// <summary>Property test: NextOccurrence equals a minute-by-minute brute force over random schedules.</summary>
public sealed class RecurrenceOracleTests
{
    private static readonly ConcurrentDictionary<string, List<DateTimeOffset>> TransitionsByZone = new();

    private static readonly string[] Zones =
        ["UTC", "Europe/Oslo", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "America/Sao_Paulo"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void NextOccurrence_RandomWeeklySchedules_MatchesBruteForce(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 100; i++)
        {
            var zone = Zones[random.Next(Zones.Length)];
            Check(RandomScheduleCase.Weekly(random, zone), random, seed);
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void NextOccurrence_RandomCronSchedules_MatchesBruteForce(int seed)
    {
        var random = new Random(seed);
        var checkedCases = 0;
        while (checkedCases < 60)
        {
            var zone = Zones[random.Next(Zones.Length)];
            var testCase = RandomScheduleCase.Cron(random, zone);
            if (ScheduleValidator.Validate(testCase.Schedule).Count > 0)
            {
                // Only expressions that never match (e.g. 31 in a 30-day month) are rejected; nothing to compare.
                continue;
            }

            Check(testCase, random, seed);
            checkedCases++;
        }
    }

    private static void Check(RandomScheduleCase testCase, Random random, int seed)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(testCase.Schedule.TimeZone);
        var after = RandomInstant(random, zone);
        for (var step = 0; step < 4; step++)
        {
            var expected = BruteForceOracle.Next(zone, testCase.Matches, after, testCase.HorizonDays);
            var actual = RecurrenceCalculator.NextOccurrence(testCase.Schedule, after);
            var context = $"seed {seed}: {testCase.Description}, after {after:O}: expected {expected:O}, got {actual:O}";
            if (expected is null)
            {
                Assert.True(actual is null || actual > after.AddDays(testCase.HorizonDays - 1), context);
                return;
            }

            Assert.True(expected == actual, context);
            after = random.Next(3) == 0 ? expected.Value.AddSeconds(random.Next(1, 600)) : expected.Value;
        }
    }

    // Three in four instants sit shortly before a clock change of the zone, where the rules bite.
    private static DateTimeOffset RandomInstant(Random random, TimeZoneInfo zone)
    {
        var transitions = TransitionsByZone.GetOrAdd(zone.Id, _ => Transitions(zone));
        if (transitions.Count > 0 && random.Next(4) != 0)
        {
            var near = transitions[random.Next(transitions.Count)];
            var minutes = random.Next(2) == 0 ? random.Next(-180, 60) : random.Next(-2 * 1440, 1440);
            return near.AddMinutes(minutes).AddSeconds(random.Next(2) == 0 ? 0 : random.Next(60));
        }

        var start = new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return start.AddMinutes(random.Next(10 * 365 * 1440));
    }

    private static List<DateTimeOffset> Transitions(TimeZoneInfo zone)
    {
        var found = new List<DateTimeOffset>();
        var previous = zone.GetUtcOffset(new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero));
        for (var instant = new DateTimeOffset(2017, 1, 1, 0, 30, 0, TimeSpan.Zero); instant.Year < 2027; instant = instant.AddMinutes(30))
        {
            var offset = zone.GetUtcOffset(instant);
            if (offset != previous)
            {
                found.Add(instant);
                previous = offset;
            }
        }

        return found;
    }
}
