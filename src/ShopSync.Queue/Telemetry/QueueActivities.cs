using System.Diagnostics;
using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Telemetry;

/// <summary>
/// The queue's spans, after OpenTelemetry's messaging conventions: an enqueue is a producer span that continues the
/// caller's trace (e.g. the ASP.NET Core request of the RPC), an attempt is a consumer span in a trace of its own,
/// linked to the enqueue span whose context the entry stores (<see cref="Job.TraceParent"/>).
/// </summary>
internal static class QueueActivities
{
    public static Activity? StartEnqueue(string? categoryCode, int count)
    {
        var activity = QueueTelemetry.Source.StartActivity("send " + (categoryCode ?? "shopsync"), ActivityKind.Producer);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "shopsync");
            activity.SetTag("messaging.operation.type", "send");
            activity.SetTag("messaging.destination.name", categoryCode);
            if (count > 1)
            {
                activity.SetTag("messaging.batch.message_count", count);
            }
        }

        return activity;
    }

    /// <summary>The traceparent to store on new entries: the enqueue span, else the caller's span, else none.</summary>
    public static string? TraceParentOf(Activity? enqueue) =>
        (enqueue ?? Activity.Current) is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;

    public static Activity? StartAttempt(Job job)
    {
        ActivityLink[]? links = null;
        if (job.TraceParent is { } parent && ActivityContext.TryParse(parent, null, out var enqueue))
        {
            links = [new ActivityLink(enqueue)];
        }

        // A root span: the run is not part of the request that queued it, hours may lie between them (links, not parent).
        var previous = Activity.Current;
        Activity.Current = null;
        var activity = QueueTelemetry.Source.StartActivity(
            "process " + job.CategoryCode, ActivityKind.Consumer, default(ActivityContext), links: links);
        if (activity is null)
        {
            Activity.Current = previous;
            return null;
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag("messaging.system", "shopsync");
            activity.SetTag("messaging.operation.type", "process");
            activity.SetTag("messaging.destination.name", job.CategoryCode);
            activity.SetTag("messaging.message.id", job.Id.ToString("D"));
            activity.SetTag("shopsync.entry_no", job.EntryNo);
            activity.SetTag("shopsync.attempt", job.Attempts);
            activity.SetTag("shopsync.task", QueueMetrics.TaskName(job.ReportId));
            activity.SetTag("shopsync.shop", job.ShopCode);
        }

        return activity;
    }

    public static void End(Activity? activity, JobResult result, string? message)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("shopsync.result", QueueMetrics.ResultName(result));
        if (result is JobResult.Failed or JobResult.TimedOut)
        {
            activity.SetStatus(ActivityStatusCode.Error, message);
        }

        activity.Dispose();
    }
}
