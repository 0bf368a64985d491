using ShopSync.Queue.Handlers;

namespace ShopSync.Queue.Diagnostics;

/// <summary>Report 90000 "No-op": succeeds at once. Measures the queue itself.</summary>
internal sealed class NoOpReportHandler : IReportHandler
{
    public const int ReportId = 90000;

    private static readonly Task<ReportOutcome> Done = Task.FromResult(ReportOutcome.Success());

    public ReportDefinition Definition { get; } = new()
    {
        ReportId = ReportId,
        Name = "No-op",
        Aliases = ["noop"],
        Description = "Does nothing and succeeds (diagnostics and benchmarks).",
        DefaultMaxAttempts = 1,
    };

    public Task<ReportOutcome> RunAsync(ReportContext context, CancellationToken cancellationToken) => Done;
}
