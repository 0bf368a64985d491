using ShopSync.Queue.Handlers;

namespace ShopSync.Server.Tests.Sync;

/// <summary>A report handler that tells a <see cref="RunProbe"/> when each run enters and leaves it.</summary>
internal sealed class ProbedReportHandler(IReportHandler inner, RunProbe probe) : IReportHandler
{
    public ReportDefinition Definition => inner.Definition;

    public async Task<ReportOutcome> RunAsync(ReportContext context, CancellationToken cancellationToken)
    {
        probe.Enter(inner.Definition.ReportId, context.ShopCode);
        try
        {
            return await inner.RunAsync(context, cancellationToken);
        }
        finally
        {
            probe.Leave();
        }
    }
}
