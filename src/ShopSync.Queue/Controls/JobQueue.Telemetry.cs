using ShopSync.Queue.Entries;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Controls;

/// <summary>The enqueue's metrics and trace context.</summary>
internal sealed partial class JobQueue
{
    private void Recorded(Job stored)
    {
        _metrics.Enqueued(stored);
        if (stored.OccurrenceUtc is { } occurrence)
        {
            _metrics.ScheduleLateness(stored.CreatedAt - occurrence, stored.ReportId);
        }
    }

    private static void StampTrace(List<NewJob> jobs, string? traceParent)
    {
        if (traceParent is null)
        {
            return;
        }

        for (var i = 0; i < jobs.Count; i++)
        {
            jobs[i] = jobs[i] with { Job = jobs[i].Job with { TraceParent = traceParent } };
        }
    }

    private static string? SameCategory(List<NewJob> jobs)
    {
        var first = jobs[0].Job.CategoryCode;
        return jobs.TrueForAll(j => j.Job.CategoryCode == first) ? first : null;
    }
}
