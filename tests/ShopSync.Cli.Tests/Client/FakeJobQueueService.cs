using System.Collections.Concurrent;
using Grpc.Core;
using ShopSync.Contracts.V1;

namespace ShopSync.Cli.Tests.Client;

/// <summary>A scripted JobQueueService: fails as told, records what it received.</summary>
public sealed class FakeJobQueueService : JobQueueService.JobQueueServiceBase
{
    public int GetJobCalls;
    public int EnqueueCalls;
    public int UnavailableBeforeSuccess;
    public readonly ConcurrentQueue<Metadata> Headers = new();
    public readonly ConcurrentQueue<DateTimeOffset?> Deadlines = new();
    public readonly ConcurrentQueue<long> WatchAfter = new();
    public readonly ConcurrentQueue<string> EnqueueRequestIds = new();
    public readonly TaskCompletionSource HangingCallStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public readonly TaskCompletionSource HangingCallCancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Task<GetJobResponse> GetJob(GetJobRequest request, ServerCallContext context)
    {
        Headers.Enqueue(context.RequestHeaders);
        Deadlines.Enqueue(context.Deadline == DateTime.MaxValue ? null : new DateTimeOffset(context.Deadline, TimeSpan.Zero));
        if (Interlocked.Increment(ref GetJobCalls) <= UnavailableBeforeSuccess)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "restarting"));
        }
        return Task.FromResult(new GetJobResponse { Job = new Job { Id = request.JobId } });
    }

    public override async Task<ListJobsResponse> ListJobs(ListJobsRequest request, ServerCallContext context)
    {
        // Hangs until the call is cancelled or its deadline passes.
        HangingCallStarted.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        finally
        {
            HangingCallCancelled.TrySetResult();
        }
        return new ListJobsResponse();
    }

    public override Task EnqueueJob(EnqueueJobRequest request, IServerStreamWriter<EnqueueJobResponse> responses, ServerCallContext context)
    {
        Interlocked.Increment(ref EnqueueCalls);
        EnqueueRequestIds.Enqueue(request.RequestId);
        throw new RpcException(new Status(StatusCode.Unavailable, "restarting"));
    }

    /// <summary>First call: snapshot, events 1..3, then UNAVAILABLE. Later calls: snapshot, the events after the requested one up to 5 (completed).</summary>
    public override async Task WatchJob(WatchJobRequest request, IServerStreamWriter<WatchJobResponse> responses, ServerCallContext context)
    {
        WatchAfter.Enqueue(request.AfterSequence);
        var first = WatchAfter.Count == 1;
        await responses.WriteAsync(new WatchJobResponse { Snapshot = new Job { Id = request.JobId } }, context.CancellationToken);
        for (var sequence = request.AfterSequence + 1; sequence <= 5; sequence++)
        {
            var e = new JobEvent { JobId = request.JobId, Sequence = sequence };
            if (sequence == 5)
            {
                e.Completed = new JobCompleted { Result = JobResult.Succeeded };
            }
            else
            {
                e.Progress = new JobProgress { Percent = (int)sequence * 20 };
            }
            await responses.WriteAsync(new WatchJobResponse { Event = e }, context.CancellationToken);
            if (first && sequence == 3)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, "node going down"));
            }
        }
    }
}
