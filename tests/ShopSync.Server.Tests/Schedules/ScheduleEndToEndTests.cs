using Google.Protobuf.WellKnownTypes;
using ShopSync.Contracts.V1;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Schedules;

/// <summary>The real server binary with an accelerated clock (60x: a minute per second), killed and restarted.</summary>
public sealed class ScheduleEndToEndTests
{
    private const int NoOpReport = 90000;

    [Fact]
    public async Task OneMinuteSchedule_FiresEveryMinute_KillAndRestartCauseNoDuplicateRun()
    {
        using var folder = new TempDirectory("shopsync-sched-e2e");
        var db = folder.File("shopsync.db");
        var epoch = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        string[] args =
        [
            // 20x: a minute is three real seconds, so a stall of a loaded CI machine (seen at 60x: a second's stall
            // missed a minute, which the misfire policy then rightly skipped) does not make the minutes look gappy.
            "--Queue:EnableDiagnosticsTasks=true", "--Clock:Speed=20", $"--Clock:Epoch={epoch}",
            // 200 accelerated seconds = ten real seconds: a lease outlives a busy moment of a shared machine.
            "--Queue:LeaseDuration=00:03:20", "--Queue:LeaseCheckInterval=00:00:20",
        ];

        string scheduleId;
        List<Job> beforeKill;
        await using (var server = await ServerProcess.StartAsync(db, args))
        {
            using var channel = server.CreateChannel();
            var calls = new ScheduleCalls(channel);
            var created = await calls.CreateAsync(new ScheduleRecurringRequest
            {
                ReportId = NoOpReport,
                CategoryCode = "E2E",
                Schedule = new RecurringSchedule { Cron = new CronRecurrence { Expression = "* * * * *" } },
            });
            scheduleId = created.Schedule.Id;
            Assert.Equal(JobStatus.Ready, created.Schedule.Status);
            Assert.NotNull(created.Schedule.NextRun);
            Assert.NotNull(created.Schedule.Schedule.EarliestStart);

            beforeKill = await Eventually.ReturnsAsync(
                () => calls.EntriesAsync(scheduleId, NoOpReport),
                jobs => jobs.Count(j => j.Status == JobStatus.Finished) >= 3,
                "three finished occurrences",
                TimeSpan.FromSeconds(90));
            await server.KillAsync();
        }

        await using (var restarted = await ServerProcess.StartAsync(db, args))
        {
            using var channel = restarted.CreateChannel();
            var calls = new ScheduleCalls(channel);
            var all = await Eventually.ReturnsAsync(
                () => calls.EntriesAsync(scheduleId, NoOpReport),
                jobs => jobs.Count(j => j.Status == JobStatus.Finished) >= beforeKill.Count + 3,
                "three more finished occurrences after the restart",
                TimeSpan.FromSeconds(90));
            var log = await calls.LogAsync(NoOpReport);

            var occurrences = all.Select(j => j.EarliestStart.ToDateTimeOffset()).ToList();
            Assert.Equal(occurrences.Count, occurrences.Distinct().Count());
            Assert.All(occurrences, o => Assert.Equal(0, o.Ticks % TimeSpan.TicksPerMinute));
            // Before the kill the minutes follow each other without a gap: each occurrence fired in its minute.
            var first = beforeKill.Select(j => j.EarliestStart.ToDateTimeOffset()).Order().ToList();
            Assert.Equal(Enumerable.Range(0, first.Count).Select(i => first[0].AddMinutes(i)), first);
            foreach (var job in all.Where(j => j.Status == JobStatus.Finished))
            {
                // One run per occurrence (a retry would show as a second log entry of the same entry).
                var runs = log.Where(e => e.JobId == job.Id).ToList();
                Assert.Single(runs);
                Assert.True(runs[0].StartTime.ToDateTimeOffset() >= job.EarliestStart.ToDateTimeOffset(), "a run started before its occurrence");
                Assert.Equal(JobResult.Succeeded, runs[0].Result);
            }
        }
    }
}
