using Grpc.Core;
using ShopSync.Contracts.V1;
using ShopSync.Queue.Controls;
using ShopSync.Server.Grpc;
using Engine = ShopSync.Queue;

namespace ShopSync.Server.Jobs;

/// <summary>shopsync.v1.JobQueueService: queueing, watching and controlling entries.</summary>
internal sealed partial class JobQueueGrpcService(
    IJobQueue queue,
    ShopRunPolicy runPolicy,
    RequestPageService requestPages,
    IHostApplicationLifetime lifetime) : JobQueueService.JobQueueServiceBase
{
    private static readonly TimeSpan DefaultCancelWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CancelReplyMargin = TimeSpan.FromMilliseconds(200);
    private static readonly TimeProvider DeadlineClock = TimeProvider.System;

    // Bulk calls are serialised by the store's single writer anyway: two at a time keep it busy (one maps while the
    // other is stored). More only held more mapped entries in memory at once (~1 KB each), which the GC promoted
    // and kept: the server's heap grew with the number of concurrent bulk callers, not with the queue.
    private readonly SemaphoreSlim _bulkGate = new(2, 2);

    public override async Task EnqueueJob(EnqueueJobRequest request, IServerStreamWriter<EnqueueJobResponse> responses, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var requestId = EnqueueRequestIds.Parse(request.RequestId);
        var run = await runPolicy.ResolveRunAsync(request.ShopCode.Trim(), request.CategoryCode, request.Mode, cancellationToken);
        var foreground = run.Foreground;
        var enqueue = JobRequests.ToEnqueue(request, run.Category, foreground, JobRequests.CreatedBy(context), run.ShopCode);
        enqueue = await requestPages.WithDefaultsAsync(enqueue, request.IgnoreDefaultFilters, cancellationToken);

        // The job must not depend on this call: it is queued with no token and survives a disconnect.
        // With a request id, a retry of an enqueue whose answer was lost streams the first call's entry again.
        Guid jobId;
        Engine.Events.JobEvent? answer = null;
        if (requestId is null)
        {
            var stored = await queue.EnqueueAsync(enqueue, CancellationToken.None);
            jobId = stored.Id;
            // Background: the accepted event is the answer, and the enqueue has just returned it (reading it back from
            // the store cost a query per call).
            answer = foreground ? null : Engine.Events.JobAccepted.Of(stored, foreground: false);
        }
        else
        {
            jobId = (await queue.EnqueueKeyedAsync(
                [enqueue], bulk: false, requestId, EnqueueRequestIds.Hash("EnqueueJob", request, r => r.RequestId = string.Empty), CancellationToken.None)).JobIds[0];
        }

        var last = 0L;
        using var stream = StreamToken(context);
        try
        {
            if (answer is not null)
            {
                await responses.WriteAsync(new EnqueueJobResponse { Event = JobMessages.ToMessage(answer) }, stream.Token);
                return;
            }

            await foreach (var e in queue.WatchAsync(jobId, afterSequence: 0, stream.Token))
            {
                await responses.WriteAsync(new EnqueueJobResponse { Event = JobMessages.ToMessage(e) }, stream.Token);
                last = e.Sequence;
                if (!foreground)
                {
                    // Background with a request id: the accepted event (the first call's, on a retry) is the answer.
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (IsShutdown(context))
        {
            throw ShuttingDown(jobId, last);
        }
    }

    public override async Task<EnqueueJobsResponse> EnqueueJobs(EnqueueJobsRequest request, ServerCallContext context)
    {
        if (request.Jobs.Count == 0)
        {
            throw RpcErrors.InvalidArgument("jobs", "must hold at least one job");
        }
        Engine.Entries.RequestLimits.CheckCount(request.Jobs.Count, Engine.Entries.RequestLimits.JobsPerEnqueue, "jobs");
        var requestId = EnqueueRequestIds.Parse(request.RequestId);
        for (var i = 0; i < request.Jobs.Count; i++)
        {
            if (request.Jobs[i].RequestId.Length > 0)
            {
                throw RpcErrors.InvalidArgument($"jobs[{i}].request_id", "must be empty: set request_id on the EnqueueJobsRequest");
            }
        }

        IReadOnlyList<Guid> jobIds;
        await _bulkGate.WaitAsync(context.CancellationToken);
        try
        {
            var mapper = new BulkEnqueueMapper(runPolicy, requestPages, JobRequests.CreatedBy(context));
            var requests = new List<Engine.Entries.EnqueueRequest>(request.Jobs.Count);
            for (var i = 0; i < request.Jobs.Count; i++)
            {
                requests.Add(await mapper.MapAsync(request.Jobs[i], i, context.CancellationToken));
            }
            jobIds = requestId is null
                ? (await queue.EnqueueManyAsync(requests, CancellationToken.None)).Select(j => j.Id).ToList()
                : (await queue.EnqueueKeyedAsync(
                    requests, bulk: true, requestId, EnqueueRequestIds.Hash("EnqueueJobs", request, r => r.RequestId = string.Empty), CancellationToken.None)).JobIds;
        }
        finally
        {
            _bulkGate.Release();
        }
        var response = new EnqueueJobsResponse();
        foreach (var id in jobIds)
        {
            response.JobIds.Add(id.ToString());
        }
        return response;
    }

    public override async Task WatchJob(WatchJobRequest request, IServerStreamWriter<WatchJobResponse> responses, ServerCallContext context)
    {
        var id = JobRequests.JobId(request.JobId);
        if (request.AfterSequence < 0)
        {
            throw RpcErrors.InvalidArgument("after_sequence", "must not be negative");
        }
        var snapshot = await queue.GetAsync(id, context.CancellationToken);
        await responses.WriteAsync(new WatchJobResponse { Snapshot = JobMessages.ToMessage(snapshot) }, context.CancellationToken);
        var last = request.AfterSequence;
        using var stream = StreamToken(context);
        try
        {
            await foreach (var e in queue.WatchAsync(id, request.AfterSequence, stream.Token))
            {
                await responses.WriteAsync(new WatchJobResponse { Event = JobMessages.ToMessage(e) }, stream.Token);
                last = e.Sequence;
            }
        }
        catch (OperationCanceledException) when (IsShutdown(context))
        {
            throw ShuttingDown(id, last);
        }
    }

    public override async Task WatchJobs(WatchJobsRequest request, IServerStreamWriter<WatchJobsResponse> responses, ServerCallContext context)
    {
        var filter = new Engine.Events.QueueWatchFilter(
            NullIfEmpty(request.ShopCode), NullIfEmpty(request.CategoryCode), request.ReportId);
        var after = NullIfEmpty(request.AfterPosition) ?? await queue.EventLogHeadAsync(context.CancellationToken);
        using var stream = StreamToken(context);
        try
        {
            // The position is fixed: a client that waits for the headers knows the watch sees what is written next.
            await context.WriteResponseHeadersAsync([]);
            await foreach (var e in queue.WatchLogAsync(filter, after, stream.Token))
            {
                await responses.WriteAsync(
                    new WatchJobsResponse
                    {
                        Event = JobMessages.ToMessage(e.Item.Event),
                        ShopCode = e.Item.ShopCode,
                        ReportId = e.Item.ReportId,
                        CategoryCode = e.Item.CategoryCode,
                        Position = e.Position,
                    },
                    stream.Token);
            }
        }
        catch (OperationCanceledException) when (IsShutdown(context))
        {
            throw RpcErrors.Unavailable("The server is shutting down; watch again when it is back.");
        }
    }

    public override async Task<GetJobResponse> GetJob(GetJobRequest request, ServerCallContext context) =>
        new() { Job = JobMessages.ToMessage(await queue.GetAsync(JobRequests.JobId(request.JobId), context.CancellationToken)) };

    public override async Task<ListJobsResponse> ListJobs(ListJobsRequest request, ServerCallContext context)
    {
        var statuses = JobRequests.Statuses(request.Statuses);
        var page = await queue.ListAsync(
            new JobQuery
            {
                Statuses = statuses,
                CategoryCode = NullIfEmpty(request.CategoryCode),
                ShopCode = NullIfEmpty(request.ShopCode),
                ReportId = request.ReportId,
                Text = NullIfEmpty(request.Text),
                Shops = Access.ShopScope.Of(context.GetHttpContext().User) is { IsEverything: false } scope ? scope.Shops : null,
                PageSize = Paging.PageSize(request.PageSize),
                PageToken = NullIfEmpty(request.PageToken),
            },
            context.CancellationToken);
        var response = new ListJobsResponse { NextPageToken = page.NextPageToken };
        response.Jobs.AddRange(page.Jobs.Select(JobMessages.ToMessage));
        return response;
    }

    public override async Task<ListLogEntriesResponse> ListLogEntries(ListLogEntriesRequest request, ServerCallContext context)
    {
        var page = await queue.ListLogAsync(
            new JobLogQuery
            {
                JobId = request.JobId.Length == 0 ? null : JobRequests.JobId(request.JobId),
                ShopCode = NullIfEmpty(request.ShopCode),
                ReportId = request.ReportId,
                ErrorsOnly = request.ErrorsOnly,
                PageSize = Paging.PageSize(request.PageSize),
                PageToken = NullIfEmpty(request.PageToken),
            },
            context.CancellationToken);
        var response = new ListLogEntriesResponse { NextPageToken = page.NextPageToken };
        response.Entries.AddRange(page.Entries.Select(JobMessages.ToMessage));
        return response;
    }

    public override async Task<HoldJobResponse> HoldJob(HoldJobRequest request, ServerCallContext context) =>
        new() { Job = JobMessages.ToMessage(await queue.HoldAsync(JobRequests.JobId(request.JobId), context.CancellationToken)) };

    public override async Task<SetJobReadyResponse> SetJobReady(SetJobReadyRequest request, ServerCallContext context) =>
        new() { Job = JobMessages.ToMessage(await queue.SetReadyAsync(JobRequests.JobId(request.JobId), context.CancellationToken)) };

    public override async Task<RestartJobResponse> RestartJob(RestartJobRequest request, ServerCallContext context) =>
        new() { Job = JobMessages.ToMessage(await queue.RestartAsync(JobRequests.JobId(request.JobId), context.CancellationToken)) };

    public override async Task<CancelJobResponse> CancelJob(CancelJobRequest request, ServerCallContext context)
    {
        var id = JobRequests.JobId(request.JobId);
        var wait = JobRequests.Span(request.Wait, "wait") ?? DefaultCancelWait;
        if (wait < TimeSpan.Zero)
        {
            throw RpcErrors.InvalidArgument("wait", "must not be negative");
        }
        if (context.Deadline != DateTime.MaxValue)
        {
            // Answer before the caller's deadline (with a margin for the reply), saying whether the handler stopped.
            // grpc-timeout is a real-time budget and grpc-dotnet's deadline is on the real clock: it is measured on
            // that clock, never on the application's (which --Clock:Speed may run faster).
            var left = context.Deadline - DeadlineClock.GetUtcNow().UtcDateTime - CancelReplyMargin;
            wait = left < wait ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : wait;
        }
        var result = await queue.CancelAsync(id, wait, context.CancellationToken);
        return new CancelJobResponse { Job = JobMessages.ToMessage(result.Job), Stopped = result.Stopped };
    }

    public override async Task<DeleteJobResponse> DeleteJob(DeleteJobRequest request, ServerCallContext context)
    {
        await queue.DeleteAsync(JobRequests.JobId(request.JobId), context.CancellationToken);
        return new DeleteJobResponse();
    }

    public override async Task<PurgeJobsResponse> PurgeJobs(PurgeJobsRequest request, ServerCallContext context) =>
        PurgeRequests.ToMessage(await queue.PurgeJobsAsync(PurgeRequests.ToPurge(request), context.CancellationToken));

    public override async Task<RunJobNowResponse> RunJobNow(RunJobNowRequest request, ServerCallContext context) =>
        new() { Job = JobMessages.ToMessage(await queue.RunNowAsync(JobRequests.JobId(request.JobId), context.CancellationToken)) };

    public override Task<ListReportsResponse> ListReports(ListReportsRequest request, ServerCallContext context) =>
        Task.FromResult(requestPages.ListReports());

    public override Task<GetRequestPageResponse> GetRequestPage(GetRequestPageRequest request, ServerCallContext context) =>
        Task.FromResult(requestPages.GetRequestPage(request.ReportId));

    public override Task<SetRequestPageFiltersResponse> SetRequestPageFilters(SetRequestPageFiltersRequest request, ServerCallContext context) =>
        requestPages.SetAsync(request, context.CancellationToken);

    public override Task<GetRequestPageFiltersResponse> GetRequestPageFilters(GetRequestPageFiltersRequest request, ServerCallContext context) =>
        requestPages.GetAsync(request, context.CancellationToken);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>
    /// Streams that follow entries end when the server stops, with UNAVAILABLE and where to resume: otherwise an
    /// open watch (a dashboard, a foreground caller) holds the shutdown until the host's timeout and is then cut.
    /// </summary>
    private CancellationTokenSource StreamToken(ServerCallContext context) =>
        CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);

    private bool IsShutdown(ServerCallContext context) =>
        lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested;

    private static RpcException ShuttingDown(Guid jobId, long lastSequence) => RpcErrors.Unavailable(
        $"The server is shutting down; the job goes on. Resume with WatchJob(job_id={jobId}, after_sequence={lastSequence}).");
}
