using System.Collections.Concurrent;

namespace ShopSync.Server.Access.Keys;

/// <summary>
/// Keeps keys' last-used times in memory and writes them to the store in the background, at most once a minute per
/// key: a call never waits for a write.
/// </summary>
internal sealed partial class ApiKeyUsage(IApiKeyStore store, TimeProvider time, ILogger<ApiKeyUsage> logger) : BackgroundService
{
    private static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _written = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pending = new(StringComparer.Ordinal);

    public void Record(ApiKeyRecord key)
    {
        var now = time.GetUtcNow();
        var last = _written.TryGetValue(key.Id, out var written) ? written : key.LastUsedAt ?? DateTimeOffset.MinValue;
        if (now - last >= Resolution)
        {
            _written[key.Id] = now;
            _pending[key.Id] = now;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushAsync(CancellationToken.None);
        }
    }

    internal async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.IsEmpty)
        {
            return;
        }
        var batch = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var at))
            {
                batch[id] = at;
            }
        }
        try
        {
            await store.RecordUseAsync(batch, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Last-used is informational: a failed write is logged and retried with the next flush.
            LogRecordUseFailed(logger, batch.Count, e);
            foreach (var (id, at) in batch)
            {
                _pending.TryAdd(id, at);
            }
        }
    }

    [LoggerMessage(EventId = 7450, EventName = "ApiKeyUseNotRecorded", Level = LogLevel.Warning,
        Message = "Could not record the last use of {Count} API keys; retrying with the next flush")]
    private static partial void LogRecordUseFailed(ILogger logger, int count, Exception exception);
}
