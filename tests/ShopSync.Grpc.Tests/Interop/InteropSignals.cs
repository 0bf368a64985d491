namespace ShopSync.Grpc.Tests.Interop;

/// <summary>Lets tests observe what the interop service saw (e.g. that a cancellation reached the handler).</summary>
internal sealed class InteropSignals
{
    public TaskCompletionSource<bool> StreamCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
