using ShopSync.Contracts.V1;

namespace ShopSync.Server.Tests.Sync;

/// <summary>The events of one foreground run.</summary>
internal sealed record SyncRun(IReadOnlyList<JobEvent> Events)
{
    public JobCompleted Completed => Events.LastOrDefault(e => e.KindCase == JobEvent.KindOneofCase.Completed)?.Completed
        ?? throw new InvalidOperationException("the run did not complete: " + string.Join(", ", Events.Select(e => e.KindCase)));

    public JobCounters Counters => Completed.Counters;

    public JobResult Result => Completed.Result;

    public IEnumerable<JobProgress> Progress => Events.Where(e => e.KindCase == JobEvent.KindOneofCase.Progress).Select(e => e.Progress);

    public string Describe() => $"{Completed.Result} {Completed.ErrorMessage} counters={Counters}";
}
