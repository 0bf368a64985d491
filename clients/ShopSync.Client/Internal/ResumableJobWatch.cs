using System.Runtime.CompilerServices;
using ShopSync.Contracts.V1;
using ShopSync.Grpc;

namespace ShopSync.Client.Internal;

/// <summary>
/// WatchJob that survives UNAVAILABLE (a server restart, a dropped connection): it reconnects with
/// <c>after_sequence</c> = the last event seen, so no event is lost or repeated. The snapshot is passed on
/// from the first call only. Consecutive failures are bounded by the retry policy.
/// </summary>
internal static class ResumableJobWatch
{
    public static async IAsyncEnumerable<WatchJobResponse> RunAsync(
        ShopSyncInvoker invoker, WatchJobRequest request, ShopSyncCallOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var method = ShopSyncMethods.Find(ShopSyncMethods.JobQueue, "WatchJob");
        var deadline = invoker.Deadline(options, defaultTimeout: null);
        var after = request.AfterSequence;
        var snapshotSent = false;
        var failures = 0;
        while (true)
        {
            var callOptions = await invoker.BuildAsync(options, deadline, cancellationToken).ConfigureAwait(false);
            var attemptRequest = new WatchJobRequest { JobId = request.JobId, AfterSequence = after };
            using var call = invoker.Channel.ServerStreaming<WatchJobRequest, WatchJobResponse>(method, attemptRequest, callOptions);
            await using var reader = call.GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                bool more;
                try
                {
                    more = await reader.MoveNextAsync().ConfigureAwait(false);
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(e.Status.Detail, e, cancellationToken);
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && ++failures < Math.Max(1, invoker.Retry.MaxAttempts))
                {
                    var pause = invoker.Retry.BackoffAfter(failures);
                    ClientLog.ResumingWatch(invoker.Logger, request.JobId, after, pause.TotalMilliseconds);
                    await Task.Delay(pause, invoker.Time, cancellationToken).ConfigureAwait(false);
                    break;
                }
                if (!more)
                {
                    yield break;
                }
                var message = reader.Current;
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
