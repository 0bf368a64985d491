using ShopSync.Queue.Entries;
using ShopSync.Queue.Health;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Health;

/// <summary>The finished runs of one (shop, report), folded in the order they were seen.</summary>
internal sealed class ReportFold(int reportId)
{
    private long? _lastSuccess;
    private long? _lastFailure;
    private long _newestId;
    private string? _lastFailureMessage;
    private int _consecutiveFailures;
    private bool _failingNow;

    public int ReportId { get; } = reportId;

    public string Description { get; private set; } = string.Empty;

    public void Apply(LogRow row)
    {
        if (row.Id >= _newestId)
        {
            _newestId = row.Id;
            Description = row.Description;
        }
        var end = row.EndTicks ?? 0;
        switch (row.Result)
        {
            case JobResult.Succeeded or JobResult.SucceededWithWarnings:
                _lastSuccess = Math.Max(_lastSuccess ?? 0, end);
                _consecutiveFailures = 0;
                _failingNow = false;
                break;
            case JobResult.Failed or JobResult.TimedOut:
                if (end >= (_lastFailure ?? 0))
                {
                    _lastFailure = end;
                    _lastFailureMessage = row.ErrorMessage;
                }
                _consecutiveFailures++;
                _failingNow = true;
                break;
        }
    }

    public TaskHealthRecord ToRecord(LogRow? running) => new()
    {
        ReportId = ReportId,
        Description = running?.Description ?? Description,
        LastSuccess = _lastSuccess is { } s ? TimeCodec.FromTicks(s) : null,
        LastFailure = _lastFailure is { } f ? TimeCodec.FromTicks(f) : null,
        LastFailureMessage = _lastFailureMessage,
        ConsecutiveFailures = _consecutiveFailures,
        FailingNow = _failingNow,
        RunningNow = running is not null,
        RunningJobId = running?.JobId,
        Progress = running?.Progress ?? JobProgress.None,
    };
}
