using ShopSync.Queue.Handlers;

namespace ShopSync.Server.Tests.Infrastructure;

/// <summary>A test task whose runs start, then wait for the test (see <see cref="RunGate"/>).</summary>
internal sealed class GatedReportHandler(int reportId, string name, RunGate gate) : IReportHandler
{
    /// <summary>The report id of the gated task every in-process host registers.</summary>
    public const int GatedReportId = 91002;

    public ReportDefinition Definition { get; } = new()
    {
        ReportId = reportId,
        Name = name,
        DefaultMaxAttempts = 1,
        Backoff = RetryBackoff.None,
    };

    public Task<ReportOutcome> RunAsync(ReportContext context, CancellationToken cancellationToken) =>
        gate.EnterAsync(context.JobId, context.Attempt, cancellationToken);
}
