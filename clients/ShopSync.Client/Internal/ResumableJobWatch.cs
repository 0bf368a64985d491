using System.Runtime.CompilerServices;
using Grpc.Core;
using ShopSync.Contracts.V1;

namespace ShopSync.Client.Internal;

/// <summary>
/// WatchJob that survives UNAVAILABLE (a server restart, a dropped connection): it reconnects with
/// <c>after_sequence</c> = the last event seen, so no event is lost or repeated. The snapshot is passed on
/// from the first call only. Consecutive failures are bounded by the retry policy.
/// </summary>
internal static class ResumableJobWatch
{
    public static async IAsyncEnumerable<WatchJobResponse> RunAsync(
        ShopSyncCalls calls, JobQueueService.JobQueueServiceClient client, WatchJobRequest request, ShopSyncCallOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var deadline = calls.Deadline(options, defaultTimeout: null);
        var after = request.AfterSequence;
        var snapshotSent = false;
        var failures = 0;
        while (true)
        {
            var attemptRequest = new WatchJobRequest { JobId = request.JobId, AfterSequence = after };
            using var call = client.WatchJob(attemptRequest, calls.Build(options, deadline, cancellationToken));
            var stream = call.ResponseStream;
            while (true)
            {
                bool more;
                try
                {
                    more = await stream.MoveNext(cancellationToken).ConfigureAwait(false);
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && ++failures < Math.Max(1, calls.Retry.MaxAttempts))
                {
                    var pause = calls.Retry.BackoffAfter(failures);
                    ClientLog.ResumingWatch(calls.Logger, request.JobId, after, pause.TotalMilliseconds);
                    await Task.Delay(pause, calls.Time, cancellationToken).ConfigureAwait(false);
                    break;
                }
                if (!more)
                {
                    yield break;
                }
                var message = stream.Current;
                if (message.Snapshot is not null && message.Event is null)
                {
                    if (snapshotSent)
                    {
                        continue;
                    }
                    snapshotSent = true;
                }
                if (message.Event is { } e2)
                {
                    after = Math.Max(after, e2.Sequence);
                    failures = 0;
                }
                yield return message;
            }
        }
    }
}
