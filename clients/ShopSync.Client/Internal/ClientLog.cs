using Microsoft.Extensions.Logging;

namespace ShopSync.Client.Internal;

/// <summary>The client's log events (ids 1300–1349).</summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information,
        Message = "{Method} failed with UNAVAILABLE (attempt {Attempt} of {MaxAttempts}); retrying in {PauseMs} ms: {Detail}")]
    public static partial void Retrying(ILogger logger, string method, int attempt, int maxAttempts, double pauseMs, string detail);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information,
        Message = "WatchJob {JobId} broke with UNAVAILABLE; resuming after sequence {Sequence} in {PauseMs} ms")]
    public static partial void ResumingWatch(ILogger logger, string jobId, long sequence, double pauseMs);
}
