using ShopSync.Queue.Handlers;

namespace ShopSync.Server.Tests.Infrastructure;

/// <summary>The signals of one run of a gated handler.</summary>
internal sealed class GatedRun
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<ReportOutcome> Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when the run saw its cancellation token fire.</summary>
    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
