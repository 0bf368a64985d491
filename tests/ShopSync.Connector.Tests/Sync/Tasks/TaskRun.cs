using ShopSync.Queue.Handlers;

namespace ShopSync.Connector.Tests.Sync.Tasks;

/// <summary>How one in-process run ended: an outcome, or the exception the dispatcher would record as a failed attempt.</summary>
internal sealed record TaskRun(ReportOutcome? Outcome, Exception? Error, TaskProgress Progress)
{
    public bool Succeeded => Outcome is { Result: Queue.Entries.JobResult.Succeeded };

    public override string ToString() => Outcome is { } o ? $"{o.Result}: {o.Message}" : $"threw {Error}";
}
