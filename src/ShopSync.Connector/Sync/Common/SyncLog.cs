using Microsoft.Extensions.Logging;

namespace ShopSync.Connector.Sync;

/// <summary>Log messages of the sync tasks (event ids 6000–6199; the call log recorder uses 6001).</summary>
internal static partial class SyncLog
{
    [LoggerMessage(EventId = 6100, EventName = "SyncStarting", Level = LogLevel.Information, Message = "Task {ReportId} for shop {Shop} (attempt {Attempt}) starts{Resume}")]
    public static partial void Starting(ILogger logger, int reportId, string shop, int attempt, string resume);

    [LoggerMessage(EventId = 6101, EventName = "SyncFinished", Level = LogLevel.Information, Message = "Task {ReportId} for shop {Shop}: {Summary} (pages {Pages}, done {Done}, failed {Failed}, skipped {Skipped})")]
    public static partial void Finished(ILogger logger, int reportId, string shop, string summary, long pages, long done, long failed, long skipped);

    [LoggerMessage(EventId = 6102, EventName = "SyncSetupFailed", Level = LogLevel.Warning, Message = "Task {ReportId} cannot run: {Reason}")]
    public static partial void SetupFailed(ILogger logger, int reportId, string reason);
}
