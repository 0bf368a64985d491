using System.Collections;
using System.Globalization;
using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Telemetry;

/// <summary>
/// The logging scope of a run: every log line written while it runs (the engine's and the handler's) carries these
/// properties; the JSON console formatter writes them as fields. No parameters, filters or options: they may be secret.
/// </summary>
internal sealed class RunLogScope(Job job, string? traceId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _items =
    [
        new("JobId", job.Id),
        new("EntryNo", job.EntryNo),
        new("Attempt", job.Attempts),
        new("ShopCode", job.ShopCode),
        new("ReportId", job.ReportId),
        new("TraceId", traceId),
        new("EnqueueTraceId", job.TraceId),
    ];

    public int Count => _items.Length;

    public KeyValuePair<string, object?> this[int index] => _items[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Job {job.Id} (entry {job.EntryNo}, attempt {job.Attempts}, shop {job.ShopCode}, task {job.ReportId}, trace {traceId})");
}
