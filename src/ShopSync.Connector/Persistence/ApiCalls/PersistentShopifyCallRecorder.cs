using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ShopSync.Shopify.Client;
using ShopSync.Connector.Persistence;

namespace ShopSync.Connector.Sync;

/// <summary>
/// Stores every Shopify call in <c>shopify_api_calls</c>. <see cref="Record"/> only enqueues (the client calls it on its
/// hot path); a background loop writes batches. <see cref="FlushAsync"/> waits until everything recorded so far is stored.
/// </summary>
public sealed partial class PersistentShopifyCallRecorder : BackgroundService, IShopifyCallRecorder
{
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDbContextFactory<ConnectorDbContext> _contexts;
    private readonly ILogger<PersistentShopifyCallRecorder> _logger;

    internal PersistentShopifyCallRecorder(IDbContextFactory<ConnectorDbContext> contexts, ILogger<PersistentShopifyCallRecorder> logger)
    {
        _contexts = contexts;
        _logger = logger;
    }

    /// <inheritdoc />
    public void Record(ShopifyCallRecord record) => _queue.Writer.TryWrite(record);

    /// <summary>Completes when every call recorded before this call is stored.</summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Writer.TryWrite(done);
        return done.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<ShopifyCallRecord>();
        var waiters = new List<TaskCompletionSource>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < 500 && _queue.Reader.TryRead(out var item))
                {
                    if (item is ShopifyCallRecord record)
                    {
                        batch.Add(record);
                    }
                    else
                    {
                        waiters.Add((TaskCompletionSource)item);
                    }
                }
                await WriteAsync(batch, stoppingToken);
                batch.Clear();
                waiters.ForEach(w => w.TrySetResult());
                waiters.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: what is still queued is written below without the stopping token.
        }
        while (_queue.Reader.TryRead(out var item))
        {
            if (item is ShopifyCallRecord record)
            {
                batch.Add(record);
            }
            else
            {
                waiters.Add((TaskCompletionSource)item);
            }
        }
        await WriteAsync(batch, CancellationToken.None);
        waiters.ForEach(w => w.TrySetResult());
    }

    private async Task WriteAsync(List<ShopifyCallRecord> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }
        try
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            db.ShopifyApiCalls.AddRange(batch.Select(ToEntity));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The call log is diagnostics: losing a batch must never fail a sync.
            LogWriteFailed(_logger, batch.Count, e);
        }
    }

    private static ShopifyApiCallEntity ToEntity(ShopifyCallRecord r) => new()
    {
        ShopCode = r.ShopCode,
        OperationName = r.OperationName,
        IsMutation = r.IsMutation,
        Outcome = r.Outcome,
        Failed = r.Outcome is not (ShopifyCallOutcome.Succeeded or ShopifyCallOutcome.Cancelled or ShopifyCallOutcome.ReadOnlyRefused),
        HttpStatus = r.HttpStatus,
        RequestedCost = r.RequestedCost,
        ActualCost = r.ActualCost,
        Retries = r.Retries,
        ThrottledCount = r.ThrottledCount,
        RequestId = r.RequestId,
        Error = r.Error is { Length: > 2000 } e ? e[..2000] : r.Error,
        StartedAt = r.StartedAt,
        DurationMs = r.Duration.TotalMilliseconds,
    };

    [LoggerMessage(EventId = 6200, EventName = "CallRecordsWriteFailed", Level = LogLevel.Warning, Message = "Could not store {Count} Shopify call records")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);
}
