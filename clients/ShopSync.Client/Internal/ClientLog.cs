using Microsoft.Extensions.Logging;

namespace ShopSync.Client.Internal;

/// <summary>The client's log events (ids 1300–1349). Retries of unary calls are grpc-dotnet's and logged by it.</summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 1301, EventName = "ResumingWatch", Level = LogLevel.Information,
        Message = "WatchJob {JobId} broke with UNAVAILABLE; resuming after sequence {Sequence} in {PauseMs} ms")]
    public static partial void ResumingWatch(ILogger logger, string jobId, long sequence, double pauseMs);
}
