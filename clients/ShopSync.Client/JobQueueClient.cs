using ShopSync.Client.Internal;
using ShopSync.Contracts.V1;

namespace ShopSync.Client;

/// <summary>shopsync.v1.JobQueueService: queueing, watching and controlling job queue entries.</summary>
public sealed class JobQueueClient
{
    private readonly ShopSyncCalls _calls;
    private readonly JobQueueService.JobQueueServiceClient _client;

    internal JobQueueClient(ShopSyncCalls calls, JobQueueService.JobQueueServiceClient client)
    {
        _calls = calls;
        _client = client;
    }

    /// <summary>
    /// Queues a job; the stream carries the accepted event first and, for a foreground run, every event up to the result.
    /// When <see cref="EnqueueJobRequest.RequestId"/> is empty a new one is set on <paramref name="request"/>, so the
    /// client's retries on UNAVAILABLE (before the first event) and a caller's retry of the same request object queue
    /// the job once.
    /// </summary>
    public IAsyncEnumerable<EnqueueJobResponse> EnqueueJobAsync(EnqueueJobRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestId.Length == 0)
        {
            request.RequestId = Guid.NewGuid().ToString("D");
        }
        return _calls.StreamAsync(o => _client.EnqueueJob(request, o), options, cancellationToken);
    }

    /// <summary>
    /// Queues many background jobs in one call. As <see cref="EnqueueJobAsync"/>, an empty
    /// <see cref="EnqueueJobsRequest.RequestId"/> is set first, so retries (the client's own on UNAVAILABLE, or the
    /// caller's after a lost answer) return the same ids and queue nothing twice.
    /// </summary>
    public Task<EnqueueJobsResponse> EnqueueJobsAsync(EnqueueJobsRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestId.Length == 0)
        {
            request.RequestId = Guid.NewGuid().ToString("D");
        }
        return _calls.UnaryAsync(o => _client.EnqueueJobsAsync(request, o), options, cancellationToken);
    }

    /// <summary>
    /// Streams one entry's events (the first message carries the snapshot) until it reaches a final state.
    /// On UNAVAILABLE it resumes after the last event seen, without gaps or repeats.
    /// </summary>
    public IAsyncEnumerable<WatchJobResponse> WatchJobAsync(WatchJobRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ResumableJobWatch.RunAsync(_calls, _client, request, options, cancellationToken);
    }

    /// <summary>Streams the events of every matching entry until cancelled; reconnects on UNAVAILABLE before the first message only (later events could be missed).</summary>
    public IAsyncEnumerable<WatchJobsResponse> WatchJobsAsync(WatchJobsRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.StreamAsync(o => _client.WatchJobs(request, o), options, cancellationToken);

    /// <summary>One entry; retried on UNAVAILABLE.</summary>
    public Task<GetJobResponse> GetJobAsync(GetJobRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.GetJobAsync(request, o), options, cancellationToken);

    /// <summary>A page of entries; retried on UNAVAILABLE.</summary>
    public Task<ListJobsResponse> ListJobsAsync(ListJobsRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.ListJobsAsync(request, o), options, cancellationToken);

    /// <summary>A page of log entries (runs); retried on UNAVAILABLE.</summary>
    public Task<ListLogEntriesResponse> ListLogEntriesAsync(ListLogEntriesRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.ListLogEntriesAsync(request, o), options, cancellationToken);

    /// <summary>Per category: what runs, what waits behind it, the counts and the recent throughput; retried on UNAVAILABLE.</summary>
    public Task<ListCategoriesResponse> ListCategoriesAsync(ListCategoriesRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.ListCategoriesAsync(request, o), options, cancellationToken);

    /// <summary>One action on the entries named or on every entry a filter matches (dry_run counts). Not retried.</summary>
    public Task<BulkUpdateJobsResponse> BulkUpdateJobsAsync(BulkUpdateJobsRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.BulkUpdateJobsAsync(request, o), options, cancellationToken);

    /// <summary>Sets an entry On Hold. Not retried.</summary>
    public Task<HoldJobResponse> HoldJobAsync(HoldJobRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.HoldJobAsync(request, o), options, cancellationToken);

    /// <summary>Sets an On Hold or Error entry Ready. Not retried.</summary>
    public Task<SetJobReadyResponse> SetJobReadyAsync(SetJobReadyRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.SetJobReadyAsync(request, o), options, cancellationToken);

    /// <summary>Sets an entry Ready and resets its attempts. Not retried.</summary>
    public Task<RestartJobResponse> RestartJobAsync(RestartJobRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.RestartJobAsync(request, o), options, cancellationToken);

    /// <summary>Cancels an entry, waiting for a running handler to stop. Not retried.</summary>
    public Task<CancelJobResponse> CancelJobAsync(CancelJobRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.CancelJobAsync(request, o), options, cancellationToken);

    /// <summary>Deletes an entry that is not In Process. Not retried.</summary>
    public Task<DeleteJobResponse> DeleteJobAsync(DeleteJobRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.DeleteJobAsync(request, o), options, cancellationToken);

    /// <summary>Deletes ended entries older than a cutoff (or, with dry_run, counts them). Not retried.</summary>
    public Task<PurgeJobsResponse> PurgeJobsAsync(PurgeJobsRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.PurgeJobsAsync(request, o), options, cancellationToken);

    /// <summary>Makes an entry due now. Not retried.</summary>
    public Task<RunJobNowResponse> RunJobNowAsync(RunJobNowRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.RunJobNowAsync(request, o), options, cancellationToken);

    /// <summary>The tasks the server runs; retried on UNAVAILABLE.</summary>
    public Task<ListReportsResponse> ListReportsAsync(ListReportsRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.ListReportsAsync(request, o), options, cancellationToken);

    /// <summary>A task's request page; retried on UNAVAILABLE.</summary>
    public Task<GetRequestPageResponse> GetRequestPageAsync(GetRequestPageRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.GetRequestPageAsync(request, o), options, cancellationToken);

    /// <summary>Replaces the filters and options of an entry or of (shop, report). Not retried.</summary>
    public Task<SetRequestPageFiltersResponse> SetRequestPageFiltersAsync(SetRequestPageFiltersRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.SetRequestPageFiltersAsync(request, o), options, cancellationToken);

    /// <summary>The filters and options of an entry or of (shop, report); retried on UNAVAILABLE.</summary>
    public Task<GetRequestPageFiltersResponse> GetRequestPageFiltersAsync(GetRequestPageFiltersRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.GetRequestPageFiltersAsync(request, o), options, cancellationToken);
}
