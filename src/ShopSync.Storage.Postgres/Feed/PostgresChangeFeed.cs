using Microsoft.Extensions.Logging;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Postgres.Feed;

/// <summary>
/// The change feed on PostgreSQL: LISTEN/NOTIFY on channel <see cref="Channel"/> as a doorbell; the tables stay
/// the log. Outgoing: <see cref="PgFeedNotifier"/>. Incoming: <see cref="PgFeedListener"/>, one dedicated
/// connection per node, with a poll fallback while it is down (reported by <see cref="Health"/>).
/// </summary>
internal sealed class PostgresChangeFeed : IQueueFeed, IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan FinalSendTimeout = TimeSpan.FromSeconds(2);
    /// <summary>The one channel every node listens on.</summary>
    public const string Channel = "shopsync_queue";

    private readonly TaskCompletionSource<IQueueFeedSink> _sink = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private Task _notifying = Task.CompletedTask;
    private int _disposed;
    private volatile QueueFeedHealth _health = new(false, "The change feed has not connected yet; other nodes' changes are polled for.");

    public PostgresChangeFeed(PostgresJobStore store, TimeProvider time, ILogger<PostgresChangeFeed> logger)
    {
        Sender = Guid.NewGuid().ToString("N");
        Notifier = new PgFeedNotifier(store, Channel, Sender, time, logger);
    }

    /// <summary>This process's id in payloads (a node ignores its own doorbells).</summary>
    public string Sender { get; }

    public PgFeedNotifier Notifier { get; }

    public QueueFeedHealth Health => _health;

    /// <summary>The engine's sink, once the dispatcher attached it.</summary>
    public Task<IQueueFeedSink> SinkAsync(CancellationToken cancellationToken) => _sink.Task.WaitAsync(cancellationToken);

    public void Attach(IQueueFeedSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (!_sink.TrySetResult(sink))
        {
            throw new InvalidOperationException("The change feed already has a sink.");
        }

        // The sending loop lives as long as the feed, not the listener: the hosted services stop in reverse order, so
        // the listener stops before the dispatcher, whose last writes (runs handed back at shutdown) must still ring.
        _notifying = Task.Run(() => Notifier.RunAsync(_stopping.Token));
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Notifier.Complete();
            _stopping.Cancel();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Notifier.Complete();
        try
        {
            await _notifying.WaitAsync(FinalSendTimeout).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // The database is gone or slow: the other nodes find the work at their next poll.
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
    }

    public void WorkQueued(string categoryCode, DateTimeOffset due) => Notifier.Work(categoryCode, due);

    public void EventsWritten(IReadOnlyList<QueueEvent> events) => Notifier.Events(events);

    public void CancelRequested(Guid jobId) => Notifier.Cancel(jobId);

    public void SetListening(int backendProcessId) =>
        _health = new QueueFeedHealth(true, $"The change feed listens (backend {backendProcessId}).");

    public void SetPolling(string reason) =>
        _health = new QueueFeedHealth(false, $"The change feed is down ({reason}); other nodes' changes are polled for until it reconnects.");
}
