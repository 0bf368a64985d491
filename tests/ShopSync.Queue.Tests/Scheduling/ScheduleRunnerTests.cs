using ShopSync.Queue.Entries;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Recurrence;
using ShopSync.Queue.Scheduling;
using ShopSync.Queue.Tests.Support;
using static ShopSync.Queue.Tests.Scheduling.ScheduleTestData;

namespace ShopSync.Queue.Tests.Scheduling;

public sealed class ScheduleRunnerTests
{
    private const int Report = 4901;

    private static DelegateHandler Succeeds() => new(Report, (_, _) => Task.FromResult(ReportOutcome.Success()));

    [Fact]
    public async Task Runner_EveryMinute_QueuesEachOccurrenceOnceAtItsTime()
    {
        await using var f = await RunnerFixture.StartAsync(Succeeds());
        var schedule = await f.ScheduleAsync(EveryMinute(Report));
        Assert.Equal(At(1), schedule.NextOccurrence);
        Assert.Equal(At(0, 30), schedule.Definition.Recurrence.EarliestStart);

        for (var minute = 1; minute <= 3; minute++)
        {
            await f.AdvanceToAsync(At(minute));
            var entry = await f.Host.EntryAsync(Report, At(minute), JobStatus.Finished);
            Assert.Equal(At(minute), entry.EarliestStart);
            Assert.Equal($"schedule:{schedule.Id:D}", entry.CreatedBy);
            Assert.Equal("Test 4901 (scheduled)", entry.Description);
            Assert.Equal("CAT4901", entry.CategoryCode);
        }

        Assert.Equal([At(1), At(2), At(3)], await f.OccurrencesAsync(Report));
        var after = await f.ReachAsync(schedule.Id, s => s.LastResult == JobResult.Succeeded && s.LastRunAt == At(3));
        Assert.Equal(At(4), after.NextOccurrence);
        Assert.Equal(ScheduleState.Active, after.State);
    }

    [Theory]
    [InlineData(RecurrenceCatchUp.Skip, new[] { 1, 6 })]
    [InlineData(RecurrenceCatchUp.Once, new[] { 1, 5, 6 })]
    [InlineData(RecurrenceCatchUp.All, new[] { 1, 3, 4, 5, 6 })]
    public async Task CatchUp_AfterDowntime_FollowsPolicy(RecurrenceCatchUp policy, int[] expectedMinutes)
    {
        await using var f = await RunnerFixture.StartAsync(Succeeds());
        var schedule = await f.ScheduleAsync(EveryMinute(Report, r => r with { CatchUp = policy, CatchUpLimit = 3 }));
        await f.AdvanceToAsync(At(1));
        await f.Host.EntryAsync(Report, At(1), JobStatus.Finished);

        // Down from 10:01:30 to 10:06:10: 10:02 … 10:05 are missed, 10:06 is only 10 s late.
        await f.AdvanceToAsync(At(1, 30));
        await f.RestartAsync(() =>
        {
            f.Time.Advance(At(6, 10) - f.Time.GetUtcNow());
            return Task.CompletedTask;
        });
        await f.ReachAsync(f.Probe, s => s.LastOccurrence == At(6));
        var after = await f.ReachAsync(schedule.Id, s => s.LastOccurrence == At(6));

        Assert.Equal(expectedMinutes.Select(m => At(m)).ToList(), await f.OccurrencesAsync(Report));
        Assert.Equal(At(7), after.NextOccurrence);
    }
}
