using Google.Protobuf.Reflection;
using ShopSync.Client.Internal;
using ShopSync.Contracts.V1;

namespace ShopSync.Client;

/// <summary>shopsync.v1.JobQueueService: queueing, watching and controlling job queue entries.</summary>
public sealed class JobQueueClient
{
    private readonly ShopSyncInvoker _invoker;

    internal JobQueueClient(ShopSyncInvoker invoker)
    {
        _invoker = invoker;
    }

    /// <summary>Queues a job; the stream carries the accepted event first and, for a foreground run, every event up to the result. Never retried (it creates an entry).</summary>
    public IAsyncEnumerable<EnqueueJobResponse> EnqueueJobAsync(EnqueueJobRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.StreamAsync<EnqueueJobRequest, EnqueueJobResponse>(Method("EnqueueJob"), request, retryBeforeFirstMessage: false, options, cancellationToken);

    /// <summary>Queues many background jobs in one call. Never retried.</summary>
    public Task<EnqueueJobsResponse> EnqueueJobsAsync(EnqueueJobsRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<EnqueueJobsRequest, EnqueueJobsResponse>(Method("EnqueueJobs"), request, idempotent: false, options, cancellationToken);

    /// <summary>
    /// Streams one entry's events (the first message carries the snapshot) until it reaches a final state.
    /// On UNAVAILABLE it resumes after the last event seen, without gaps or repeats.
    /// </summary>
    public IAsyncEnumerable<WatchJobResponse> WatchJobAsync(WatchJobRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ResumableJobWatch.RunAsync(_invoker, request, options, cancellationToken);
    }

    /// <summary>Streams the events of every matching entry until cancelled; reconnects on UNAVAILABLE before the first message only (later events could be missed).</summary>
    public IAsyncEnumerable<WatchJobsResponse> WatchJobsAsync(WatchJobsRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.StreamAsync<WatchJobsRequest, WatchJobsResponse>(Method("WatchJobs"), request, retryBeforeFirstMessage: true, options, cancellationToken);

    /// <summary>One entry; retried on UNAVAILABLE.</summary>
    public Task<GetJobResponse> GetJobAsync(GetJobRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<GetJobRequest, GetJobResponse>(Method("GetJob"), request, idempotent: true, options, cancellationToken);

    /// <summary>A page of entries; retried on UNAVAILABLE.</summary>
    public Task<ListJobsResponse> ListJobsAsync(ListJobsRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<ListJobsRequest, ListJobsResponse>(Method("ListJobs"), request, idempotent: true, options, cancellationToken);

    /// <summary>A page of log entries (runs); retried on UNAVAILABLE.</summary>
    public Task<ListLogEntriesResponse> ListLogEntriesAsync(ListLogEntriesRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<ListLogEntriesRequest, ListLogEntriesResponse>(Method("ListLogEntries"), request, idempotent: true, options, cancellationToken);

    /// <summary>Sets an entry On Hold. Not retried.</summary>
    public Task<HoldJobResponse> HoldJobAsync(HoldJobRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<HoldJobRequest, HoldJobResponse>(Method("HoldJob"), request, idempotent: false, options, cancellationToken);

    /// <summary>Sets an On Hold or Error entry Ready. Not retried.</summary>
    public Task<SetJobReadyResponse> SetJobReadyAsync(SetJobReadyRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<SetJobReadyRequest, SetJobReadyResponse>(Method("SetJobReady"), request, idempotent: false, options, cancellationToken);

    /// <summary>Sets an entry Ready and resets its attempts. Not retried.</summary>
    public Task<RestartJobResponse> RestartJobAsync(RestartJobRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<RestartJobRequest, RestartJobResponse>(Method("RestartJob"), request, idempotent: false, options, cancellationToken);

    /// <summary>Cancels an entry, waiting for a running handler to stop. Not retried.</summary>
    public Task<CancelJobResponse> CancelJobAsync(CancelJobRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<CancelJobRequest, CancelJobResponse>(Method("CancelJob"), request, idempotent: false, options, cancellationToken);

    /// <summary>Deletes an entry that is not In Process. Not retried.</summary>
    public Task<DeleteJobResponse> DeleteJobAsync(DeleteJobRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<DeleteJobRequest, DeleteJobResponse>(Method("DeleteJob"), request, idempotent: false, options, cancellationToken);

    /// <summary>Makes an entry due now. Not retried.</summary>
    public Task<RunJobNowResponse> RunJobNowAsync(RunJobNowRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<RunJobNowRequest, RunJobNowResponse>(Method("RunJobNow"), request, idempotent: false, options, cancellationToken);

    /// <summary>The tasks the server runs; retried on UNAVAILABLE.</summary>
    public Task<ListReportsResponse> ListReportsAsync(ListReportsRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<ListReportsRequest, ListReportsResponse>(Method("ListReports"), request, idempotent: true, options, cancellationToken);

    /// <summary>A task's request page; retried on UNAVAILABLE.</summary>
    public Task<GetRequestPageResponse> GetRequestPageAsync(GetRequestPageRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<GetRequestPageRequest, GetRequestPageResponse>(Method("GetRequestPage"), request, idempotent: true, options, cancellationToken);

    /// <summary>Replaces the filters and options of an entry or of (shop, report). Not retried.</summary>
    public Task<SetRequestPageFiltersResponse> SetRequestPageFiltersAsync(SetRequestPageFiltersRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<SetRequestPageFiltersRequest, SetRequestPageFiltersResponse>(Method("SetRequestPageFilters"), request, idempotent: false, options, cancellationToken);

    /// <summary>The filters and options of an entry or of (shop, report); retried on UNAVAILABLE.</summary>
    public Task<GetRequestPageFiltersResponse> GetRequestPageFiltersAsync(GetRequestPageFiltersRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<GetRequestPageFiltersRequest, GetRequestPageFiltersResponse>(Method("GetRequestPageFilters"), request, idempotent: true, options, cancellationToken);

    private static MethodDescriptor Method(string name) => ShopSyncMethods.Find(ShopSyncMethods.JobQueue, name);
}
