using ShopSync.Queue.Entries;
using ShopSync.Queue.Handlers;

namespace ShopSync.Connector.Tests.Sync.Tasks;

/// <summary>How one in-process run ended: an outcome, or the exception the dispatcher would record as a failed attempt.</summary>
internal sealed record TaskRun(ReportOutcome? Outcome, Exception? Error, TaskProgress Progress)
{
    public bool Succeeded => Outcome is { Result: JobResult.Succeeded };

    /// <summary>The run's result as the dispatcher would record it: a run that threw failed.</summary>
    public JobResult Result => Outcome?.Result ?? JobResult.Failed;

    public JobCounters Counters => Progress.Counters;

    public string Describe() => ToString();

    public override string ToString() => Outcome is { } o ? $"{o.Result}: {o.Message}" : $"threw {Error}";
}
