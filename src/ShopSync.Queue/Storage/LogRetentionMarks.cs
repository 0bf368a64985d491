namespace ShopSync.Queue.Storage;

/// <summary>
/// Per (shop, task): the ids of its newest successful and newest failed log entries, read once before a log purge.
/// A log entry may go when it is older than the newest success and is not the newest failure; marks read earlier
/// only keep more (new runs move the marks up), so one read serves every batch of a purge.
/// </summary>
public sealed class LogRetentionMarks
{
    private readonly Dictionary<(string ShopCode, int ReportId), (long? Success, long? Failure)> _marks = [];

    /// <summary>Records the marks of one (shop, task).</summary>
    public void Add(string shopCode, int reportId, long? newestSuccessId, long? newestFailureId) =>
        _marks[(shopCode, reportId)] = (newestSuccessId, newestFailureId);

    /// <summary>How many (shop, task) pairs have marks.</summary>
    public int Count => _marks.Count;

    /// <summary>True when the finished log entry <paramref name="id"/> of (shop, task) is not needed by task health.</summary>
    public bool MayDelete(string shopCode, int reportId, long id) =>
        _marks.TryGetValue((shopCode, reportId), out var mark) && mark.Success is { } success && id < success && id != mark.Failure;
}
