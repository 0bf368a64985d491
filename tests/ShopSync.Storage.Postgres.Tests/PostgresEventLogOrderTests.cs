using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Conformance;
using ShopSync.Testing;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>
/// The queue-wide log (WatchJobs) holds every entry's events in their own order, also where statements write their
/// events themselves: a hand-over (the completion, the next run's start and the Waiting marks, in one round trip), a
/// hold asked for during a run, next to an enqueue into a busy category (accepted, then Waiting).
/// </summary>
public sealed class PostgresEventLogOrderTests(PostgresStoreFactory factory) : IClassFixture<PostgresStoreFactory>
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Log_EnqueuesAndHandOvers_EachEntrysEventsInSequenceOrder()
    {
        var store = (PostgresJobStore)await factory.CreateAsync(Ct);
        var head = await store.HeadAsync(Ct);
        var first = (await store.InsertAsync([TestJobs.New("L")], Ct)).Value[0];
        var claim = (await store.ClaimAsync(TestJobs.Claim("L"), Ct)).Value[0];
        Assert.Equal(first.Id, claim.Job!.Id);

        // Due while the category is busy: stored Waiting, with a Waiting event after its accepted one.
        var queued = (await store.InsertAsync([TestJobs.New("L"), TestJobs.New("L")], Ct)).Value;
        Assert.All(queued, j => Assert.Equal(JobStatus.Waiting, j.Status));
        var held = await store.ChangeAsync(new JobChange { JobId = first.Id, ExpectedStatus = JobStatus.InProcess, Now = TestJobs.T0, HoldRequested = true }, Ct);
        Assert.NotNull(held);

        var now = TestJobs.T0.AddSeconds(1);
        var end = new RunCompletion
        {
            JobId = first.Id,
            FencingToken = claim.Job.FencingToken,
            LogEntryId = claim.LogEntryId,
            Now = now,
            Status = JobStatus.Ready,
            Result = JobResult.Failed,
            ErrorMessage = "Shopify answered 502",
            Events = [new JobAttemptFailed(1, 3, "Shopify answered 502", now)],
        };
        var result = await store.CompleteAsync(end, TestJobs.Claim("L", now: now), Ct);
        Assert.Equal(JobStatus.OnHold, result.Job!.Status);
        Assert.Equal(queued[0].Id, result.Next!.Job!.Id);

        // The log hands out only what lies below the cluster's oldest running transaction (other tests' transactions
        // hold it back for a while), so read on, as a watcher does, until every stored event of the three has come.
        var ids = new[] { first.Id, queued[0].Id, queued[1].Id };
        var expected = 0;
        foreach (var id in ids)
        {
            expected += (await store.ReadEventsAsync(id, 0, 100, Ct)).Count;
        }

        var logged = new List<QueueEvent>();
        var position = head;
        var found = 0;
        await Eventually.TrueAsync(
            async () =>
            {
                // Each poll reads on, page after page, for as long as the log hands out events.
                int read;
                do
                {
                    var page = await store.ReadAsync(position, 3, Ct);
                    foreach (var item in page.Events.Select(e => e.Item))
                    {
                        logged.Add(item);
                        found += ids.Contains(item.Event.JobId) ? 1 : 0;
                    }

                    position = page.Next;
                    read = page.Events.Count;
                }
                while (read > 0 && found < expected);

                return found >= expected;
            },
            "every stored event of the three entries in the log",
            TimeSpan.FromSeconds(60));

        // Every entry's events, in the log's order, are its stored events in sequence order: 1, 2, 3, ... with no gap.
        foreach (var id in ids)
        {
            var inLog = logged.Where(e => e.Event.JobId == id).Select(e => e.Event).ToList();
            var stored = await store.ReadEventsAsync(id, 0, 100, Ct);
            Assert.Equal(Enumerable.Range(1, inLog.Count).Select(i => (long)i), inLog.Select(e => e.Sequence));
            Assert.Equal(stored.Select(e => e.Sequence), inLog.Select(e => e.Sequence));
            Assert.IsType<JobAccepted>(inLog[0].Data);
        }

        var firstKinds = logged.Where(e => e.Event.JobId == first.Id).Select(e => e.Event.Data.GetType()).ToList();
        Assert.Equal([typeof(JobAccepted), typeof(JobStarted), typeof(JobAttemptFailed), typeof(JobStatusChanged)], firstKinds);
        var nextKinds = logged.Where(e => e.Event.JobId == queued[0].Id).Select(e => e.Event.Data.GetType()).ToList();
        Assert.Equal([typeof(JobAccepted), typeof(JobWaiting), typeof(JobStarted)], nextKinds);
    }
}
