using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ShopSync.Contracts.V1;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Events;

namespace ShopSync.Server.Status;

/// <summary>
/// The status stream: the current status first, then a new one whenever it differs. Queue events of the shop (started,
/// progress, completed, …) mark the status dirty; recomputation is coalesced to one per <see cref="MinInterval"/>, and
/// a periodic refresh catches changes that raise no queue event (ERP book calls).
/// </summary>
internal sealed partial class SyncStatusWatcher(SyncStatusComposer composer, IJobQueue queue, TimeProvider time, ILogger<SyncStatusWatcher> logger)
{
    /// <summary>At most one recomputation per this interval (about three updates per second).</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(300);

    /// <summary>Recompute without a queue event this often.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    public async IAsyncEnumerable<GetSyncStatusResponse> WatchAsync(
        string shopCode, int syncErrorsWithinHours, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Validates the shop and the window before the first write, so bad input fails the call at once.
        var last = await composer.GetAsync(shopCode, syncErrorsWithinHours, cancellationToken);
        var dirty = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var filter = new QueueWatchFilter(ShopCode: shopCode.Trim().Length == 0 ? null : shopCode.Trim());
        var pump = PumpAsync(filter, dirty.Writer, stop.Token);
        try
        {
            yield return last;
            while (true)
            {
                var computed = time.GetTimestamp();
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    var signalled = dirty.Reader.WaitToReadAsync(wait.Token).AsTask();
                    await Task.WhenAny(signalled, Task.Delay(RefreshInterval, time, wait.Token));
                    await wait.CancelAsync();
                }
                cancellationToken.ThrowIfCancellationRequested();
                var remaining = MinInterval - time.GetElapsedTime(computed);
                if (remaining > TimeSpan.Zero)
                {
                    await Task.Delay(remaining, time, cancellationToken);
                }
                dirty.Reader.TryRead(out _);
                var status = await composer.GetAsync(shopCode, syncErrorsWithinHours, cancellationToken);
                if (!status.Shops.Equals(last.Shops))
                {
                    last = status;
                    yield return status;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await pump;
        }
    }

    private async Task PumpAsync(QueueWatchFilter filter, ChannelWriter<bool> dirty, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in queue.WatchAllAsync(filter, cancellationToken))
            {
                dirty.TryWrite(true);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The watch ended.
        }
        catch (Exception e)
        {
            LogPumpFailed(logger, e);
        }
    }

    [LoggerMessage(EventId = 7001, EventName = "StatusPumpFailed", Level = LogLevel.Warning, Message = "The sync status watch lost the queue event stream; it refreshes periodically only")]
    private static partial void LogPumpFailed(ILogger logger, Exception exception);
}
