using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;

namespace ShopSync.Connector.Sync;

/// <summary>
/// The frame every sync task shares: open the session (shop, client, filters), run, and turn the counters into
/// the outcome. Record-level failures are counted and end the run "succeeded with warnings"; a failure of the
/// run itself (Shopify unreachable after retries) throws and is retried, resuming from the checkpoint.
/// </summary>
internal abstract class SyncReportHandler(SyncSessionFactory sessions) : IReportHandler
{
    public abstract ReportDefinition Definition { get; }

    protected abstract RequestPageDefinition RequestPage { get; }

    /// <summary>False for tasks that only work on the ERP book (batch posting).</summary>
    protected virtual bool NeedsShopify => true;

    public async Task<ReportOutcome> RunAsync(ReportContext context, CancellationToken cancellationToken)
    {
        SyncSession session;
        try
        {
            session = await sessions.OpenAsync(context, RequestPage, NeedsShopify, cancellationToken);
        }
        catch (SyncSetupException e)
        {
            SyncLog.SetupFailed(context.Logger, Definition.ReportId, e.Message);
            return ReportOutcome.Failure(e.Message);
        }
        SyncLog.Starting(context.Logger, Definition.ReportId, session.ShopCode, context.Attempt, context.Checkpoint is null ? "" : " from its checkpoint");
        var summary = await RunAsync(session, cancellationToken);
        var counters = context.Progress.Counters;
        SyncLog.Finished(context.Logger, Definition.ReportId, session.ShopCode, summary, counters.Pages, counters.Done, counters.Failed, counters.Skipped);
        context.Progress.Report(100, summary);
        if (counters.Failed > 0)
        {
            return ReportOutcome.Warning($"{summary}; {counters.Failed} record(s) failed (the reason is kept on each record)");
        }
        return counters.Skipped > 0 ? ReportOutcome.Warning($"{summary}; {counters.Skipped} record(s) skipped") : ReportOutcome.Success();
    }

    /// <summary>Runs the task; returns a one-line summary.</summary>
    protected abstract Task<string> RunAsync(SyncSession session, CancellationToken cancellationToken);
}
