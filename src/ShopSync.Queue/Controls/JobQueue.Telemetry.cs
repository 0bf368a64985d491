using System.Diagnostics;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
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

    /// <summary>
    /// The new entries, built once each and stamped with the enqueue span's trace context (the span is started before
    /// them). A rejected field is named <c>jobs[i].field</c> when <paramref name="prefixFields"/>.
    /// </summary>
    private List<NewJob> Resolve(
        IReadOnlyList<EnqueueRequest> requests, DateTimeOffset now, string? traceParent, bool prefixFields, bool keepForeground)
    {
        var jobs = new List<NewJob>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                jobs.Add(new NewJob(_validator.Resolve(requests[i], now, traceParent), keepForeground && requests[i].Foreground));
            }
            catch (JobValidationException ex) when (prefixFields)
            {
                throw ex.WithFieldPrefix($"jobs[{i}].");
            }
        }

        return jobs;
    }

    /// <summary>Runs a step inside the enqueue span; a failure (a rejected field) marks the span as an error.</summary>
    private static T Traced<T>(Activity? activity, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }

    /// <summary>The requests' common category (as the entries will have it), else null.</summary>
    private string? SameCategory(IReadOnlyList<EnqueueRequest> requests)
    {
        var first = _validator.CategoryOf(requests[0]);
        for (var i = 1; i < requests.Count; i++)
        {
            if (!string.Equals(_validator.CategoryOf(requests[i]), first, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return first;
    }
}
