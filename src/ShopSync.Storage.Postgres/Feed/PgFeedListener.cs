using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using ShopSync.Queue.Dispatching;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Postgres.Feed;

/// <summary>
/// The incoming side of the change feed: one dedicated (unpooled) connection LISTENs; after LISTEN, and after every
/// reconnect, the engine rescans the store, so nothing committed before the listener was up is missed. While the
/// connection is down, the engine rescans every <see cref="PostgresStoreOptions.FeedPollInterval"/> instead, and
/// <see cref="PostgresChangeFeed.Health"/> says so. Doorbells are handled in order by one loop apart from the
/// connection: the events they announce are read from the store (only those a watcher here wants), then the work
/// and the cancels are handed to the dispatcher.
/// </summary>
internal sealed partial class PgFeedListener(
    PostgresChangeFeed feed,
    PostgresJobStore store,
    NodeIdentity node,
    IOptions<PostgresStoreOptions> options,
    TimeProvider time,
    ILogger<PgFeedListener> logger) : BackgroundService
{
    /// <summary>The listener connection's application_name starts with this (operators and tests find it by it).</summary>
    public const string ApplicationNamePrefix = "shopsync-feed ";

    private readonly Channel<string> _inbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sink = await feed.SinkAsync(stoppingToken).ConfigureAwait(false);
        var processing = ProcessAsync(sink, stoppingToken);
        var interval = options.Value.FeedPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(sink, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                feed.SetPolling(ex.Message);
                LogFeedDown(logger, node.Id, ex.Message);
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
                await sink.RescanAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogPollFailed(logger, ex.Message);
            }
        }

        _inbox.Writer.TryComplete();
        await Quietly(processing).ConfigureAwait(false);
    }

    private async Task ListenAsync(IQueueFeedSink sink, CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString)
        {
            Pooling = false,
            KeepAlive = 15,
            ApplicationName = (ApplicationNamePrefix + node.Id) is var name && name.Length > 63 ? name[..63] : name,
        };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        connection.Notification += (_, e) => _inbox.Writer.TryWrite(e.Payload);
        await Pg.Command(connection, null, "LISTEN " + PostgresChangeFeed.Channel).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        feed.SetListening(connection.ProcessID);
        LogFeedListening(logger, node.Id, connection.ProcessID);

        // Listening first, then reading the state: whatever was committed before LISTEN is in the store.
        await sink.RescanAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ProcessAsync(IQueueFeedSink sink, CancellationToken cancellationToken)
    {
        var reader = _inbox.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var events = new List<FeedEventRange>();
            var work = new List<FeedWork>();
            var cancels = new List<Guid>();
            while (reader.TryRead(out var payload))
            {
                if (FeedPayload.IsFrom(payload, feed.Sender))
                {
                    continue;
                }

                if (FeedPayload.Decode(payload) is not { } message)
                {
                    LogForeignPayload(logger, payload.Length);
                    continue;
                }

                events.AddRange(message.Events.Where(e => sink.WantsEvents(e.JobId)));
                work.AddRange(message.Work);
                cancels.AddRange(message.Cancels);
            }

            try
            {
                if (events.Count > 0)
                {
                    sink.OnEvents(await store.ReadFeedEventsAsync(events, cancellationToken).ConfigureAwait(false));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The per-entry watchers read the store again at their next gap or rescan.
                LogReadFailed(logger, events.Count, ex.Message);
            }

            if (work.Count > 0)
            {
                sink.OnWork(work);
            }

            foreach (var id in cancels)
            {
                sink.OnCancel(id);
            }
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(EventId = 2111, EventName = "FeedListening", Level = LogLevel.Information, Message = "Node {Node} listens to the change feed (backend {BackendProcessId})")]
    private static partial void LogFeedListening(ILogger logger, string node, int backendProcessId);

    [LoggerMessage(EventId = 2112, EventName = "FeedDown", Level = LogLevel.Warning, Message = "Node {Node} lost the change feed ({Reason}); polling until it reconnects")]
    private static partial void LogFeedDown(ILogger logger, string node, string reason);

    [LoggerMessage(EventId = 2113, EventName = "FeedPollFailed", Level = LogLevel.Warning, Message = "The change feed's fallback poll failed: {Reason}")]
    private static partial void LogPollFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 2114, EventName = "FeedReadFailed", Level = LogLevel.Warning, Message = "Reading {Count} announced event ranges failed: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 2115, EventName = "FeedForeignPayload", Level = LogLevel.Warning, Message = "Ignored a change-feed notification of {Length} characters that is not in the feed's format")]
    private static partial void LogForeignPayload(ILogger logger, int length);
}
