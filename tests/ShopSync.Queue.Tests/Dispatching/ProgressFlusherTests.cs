using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Dispatching;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Tests.Dispatching;

/// <summary>A completion waits for every write of its entry's reports, so the last report is never overtaken.</summary>
public sealed class ProgressFlusherTests
{
    [Fact]
    public async Task TakeUnwrittenAsync_NewerReportPickedUpAsTheWriteEnds_WaitsForThatWriteToo()
    {
        var store = new GatedProgressStore();
        var flusher = new ProgressFlusher(store, new JobEventHub(), NullLogger<ProgressFlusher>.Instance);
        var job = Guid.NewGuid();

        flusher.Enqueue(Report(job, "page 1"));
        var first = await store.Writes.Reader.ReadAsync();
        flusher.Enqueue(Report(job, "summary"));
        var taken = flusher.TakeUnwrittenAsync(job);
        first.Release.SetResult();

        // The loop takes the summary into the next write as soon as the first ends: the completion must wait for it.
        var second = await store.Writes.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("summary", Assert.Single(second.Batch).Progress.Message);
        Assert.False(taken.IsCompleted);

        second.Release.SetResult();
        Assert.Null(await taken.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static ProgressWrite Report(Guid job, string message) =>
        new(job, 1, new JobProgress(50, message, JobCounters.Zero), DateTimeOffset.UnixEpoch);

    /// <summary>Holds each progress write until the test releases it; nothing else is used.</summary>
    private sealed class GatedProgressStore : IJobStore
    {
        public Channel<(IReadOnlyList<ProgressWrite> Batch, TaskCompletionSource Release)> Writes { get; } =
            Channel.CreateUnbounded<(IReadOnlyList<ProgressWrite>, TaskCompletionSource)>();

        public async Task<IReadOnlyList<QueueEvent>> AppendProgressAsync(IReadOnlyList<ProgressWrite> writes, CancellationToken cancellationToken)
        {
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await Writes.Writer.WriteAsync((writes, release), cancellationToken);
            await release.Task;
            return [];
        }

        public Task InitializeAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StoreResult<IReadOnlyList<Job>>> InsertAsync(IReadOnlyList<NewJob> jobs, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<KeyedInsertResult> InsertAsync(IReadOnlyList<NewJob> jobs, EnqueueKey key, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> PurgeEnqueueKeysAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StoreResult<IReadOnlyList<CategoryClaim>>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<CompletionResult> CompleteAsync(RunCompletion completion, ClaimRequest? claimNext, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> SaveCheckpointAsync(Guid jobId, long fencingToken, string checkpoint, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<LeaseRenewal> RenewLeasesAsync(LeaseRenewalRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Job>> FindExpiredLeasesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StoreResult<Job>?> ChangeAsync(JobChange change, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> DeleteAsync(Guid jobId, JobStatus expectedStatus, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Job?> GetAsync(Guid jobId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<JobLogPage> ListLogAsync(JobLogQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<JobEvent>> ReadEventsAsync(Guid jobId, long afterSequence, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<string>> FindQueuedCategoriesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<PurgeBatch> PurgeJobsAsync(JobPurgeFilter filter, long afterEntryNo, int limit, bool dryRun, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<PurgeBatch> PurgeLogAsync(LogPurgeFilter filter, long afterId, int limit, bool dryRun, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<LogRetentionMarks> ReadLogRetentionMarksAsync(string? shopCode, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<CategoryStatusCount>> CountByCategoryAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<CategoryActivity> ReadCategoryActivityAsync(CategoryActivityQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
