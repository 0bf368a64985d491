using Microsoft.Extensions.DependencyInjection;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Storage;
using ShopSync.Queue.Tests.Support;
using ShopSync.Storage.Sqlite;
using ShopSync.Testing;

namespace ShopSync.Queue.Tests.Dispatching;

/// <summary>A run's end that the store could not write (disk full, I/O error) is written again; the run is never repeated.</summary>
public sealed class EndRetryTests
{
    private const int ReportId = 62;
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData(StorageFailureReason.DiskFull)]
    [InlineData(StorageFailureReason.IoError)]
    public async Task Complete_StoreFailsTheEndPastTheLease_EndIsWrittenLaterAndTheRunIsNotRepeated(StorageFailureReason reason)
    {
        var runsByEntry = new System.Collections.Concurrent.ConcurrentDictionary<Guid, int>();
        var failuresLeft = 2;
        FaultyJobStore? faulty = null;
        await using var host = await EngineHost.StartAsync(
            s =>
            {
                s.AddReportHandler(new DelegateHandler(ReportId, (c, t) =>
                {
                    runsByEntry.AddOrUpdate(c.Job.Id, 1, (_, n) => n + 1);
                    return Task.FromResult(ReportOutcome.Success());
                }, maxAttempts: 3));
                FaultyJobStore.Decorate(s, f => faulty = f);
            },
            o =>
            {
                // The end is retried after 1 s and 2 s, so it is written ~3 s after the run: well past a 1.5 s lease,
                // which only the renewals every 100 ms keep alive. A 500 ms lease once lapsed for real on a loaded
                // 2-core CI machine, and the recovery then rightly ran an entry a second time.
                o.LeaseDuration = TimeSpan.FromMilliseconds(1500);
                o.LeaseCheckInterval = TimeSpan.FromMilliseconds(100);
            });
        faulty!.Fault = (operation, argument) =>
            operation == nameof(IJobStore.CompleteAsync) && argument is RunCompletion { Result: JobResult.Succeeded } && Interlocked.Decrement(ref failuresLeft) >= 0
                ? new StorageUnavailableException(reason, "injected " + reason)
                : null;

        var job = await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = ReportId }, Ct);
        var next = await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = ReportId }, Ct);

        var finished = await Eventually.ReachAsync(() => host.Queue.GetAsync(job.Id, Ct), j => j.Status == JobStatus.Finished);
        Assert.Equal(JobResult.Succeeded, finished.LastResult);
        Assert.Equal(1, finished.Attempts);
        await Eventually.ReachAsync(() => host.Queue.GetAsync(next.Id, Ct), j => j.Status == JobStatus.Finished);
        Assert.Equal(1, runsByEntry.GetValueOrDefault(job.Id));
        Assert.Equal(1, runsByEntry.GetValueOrDefault(next.Id));
        Assert.True(Volatile.Read(ref failuresLeft) < 0, "the injected failures were used");
    }

    [Fact]
    public async Task Complete_AnotherConnectionHoldsTheWriteLockWhenTheRunEnds_EndIsRecordedOnceFreeAndTheCategoryMovesOn()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondEndAttempt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var endAttempts = 0;
        var runs = 0;
        FaultyJobStore? observer = null;
        await using var host = await EngineHost.StartAsync(s =>
        {
            s.AddReportHandler(new DelegateHandler(ReportId, async (c, t) =>
            {
                if (Interlocked.Increment(ref runs) == 1)
                {
                    started.TrySetResult();
                    await release.Task.WaitAsync(t);
                }

                return ReportOutcome.Success();
            }));
            s.Configure<SqliteStoreOptions>(o => o.BusyTimeoutSeconds = 1);
            FaultyJobStore.Decorate(s, f => observer = f);
        });
        observer!.Fault = (operation, _) =>
        {
            if (operation == nameof(IJobStore.CompleteAsync) && Interlocked.Increment(ref endAttempts) == 2)
            {
                secondEndAttempt.TrySetResult();
            }

            return null;
        };
        var first = await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = ReportId }, Ct);
        var second = await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = ReportId }, Ct);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await using (var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={host.DatabaseFile};Pooling=False"))
        {
            await other.OpenAsync();
            using var writeLock = other.BeginTransaction(deferred: false);
            release.SetResult();
            // The first attempt to record the end failed on the lock (after the 1 s busy timeout): a second one is made.
            await secondEndAttempt.Task.WaitAsync(TimeSpan.FromSeconds(30));
            writeLock.Rollback();
        }

        var done = await Eventually.ReachAsync(() => host.Queue.GetAsync(first.Id, Ct), j => j.Status == JobStatus.Finished);
        Assert.Equal(JobResult.Succeeded, done.LastResult);
        await Eventually.ReachAsync(() => host.Queue.GetAsync(second.Id, Ct), j => j.Status == JobStatus.Finished);
        Assert.Equal(2, Volatile.Read(ref runs));
    }

    [Fact]
    public async Task Complete_StoreFailsWithANonStorageError_KeepsTheOldBehaviourOfLettingTheLeaseLapse()
    {
        // A bug-like error is not retried forever: the run's lease lapses and it is recovered as a failed attempt.
        var runs = 0;
        var failed = 0;
        FaultyJobStore? faulty = null;
        await using var host = await EngineHost.StartAsync(
            s =>
            {
                s.AddReportHandler(new DelegateHandler(ReportId, (c, t) =>
                {
                    Interlocked.Increment(ref runs);
                    return Task.FromResult(ReportOutcome.Success());
                }, maxAttempts: 2));
                FaultyJobStore.Decorate(s, f => faulty = f);
            },
            o =>
            {
                o.LeaseDuration = TimeSpan.FromMilliseconds(300);
                o.LeaseCheckInterval = TimeSpan.FromMilliseconds(100);
            });
        faulty!.Fault = (operation, argument) =>
            operation == nameof(IJobStore.CompleteAsync) && argument is RunCompletion { Result: JobResult.Succeeded } && Interlocked.Exchange(ref failed, 1) == 0
                ? new InvalidOperationException("injected bug")
                : null;

        var job = await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = ReportId }, Ct);

        var finished = await Eventually.ReachAsync(() => host.Queue.GetAsync(job.Id, Ct), j => j.Status == JobStatus.Finished);
        Assert.Equal(2, Volatile.Read(ref runs));
        Assert.Equal(2, finished.Attempts);
    }
}
