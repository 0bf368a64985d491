using ShopSync.Queue.Handlers;

namespace ShopSync.Queue.Tests.Support;

/// <summary>A handler whose behaviour a test supplies.</summary>
internal sealed class DelegateHandler : IReportHandler
{
    private readonly Func<ReportContext, CancellationToken, Task<ReportOutcome>> _run;

    public DelegateHandler(int reportId, Func<ReportContext, CancellationToken, Task<ReportOutcome>> run, int maxAttempts = 1, RetryBackoff? backoff = null)
    {
        _run = run;
        Definition = new ReportDefinition
        {
            ReportId = reportId,
            Name = "Test " + reportId,
            DefaultMaxAttempts = maxAttempts,
            Backoff = backoff ?? RetryBackoff.None,
        };
    }

    public ReportDefinition Definition { get; }

    public Task<ReportOutcome> RunAsync(ReportContext context, CancellationToken cancellationToken) => _run(context, cancellationToken);
}
