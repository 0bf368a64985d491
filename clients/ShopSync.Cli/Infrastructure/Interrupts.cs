using Grpc.Core;

namespace ShopSync.Cli.Infrastructure;

/// <summary>
/// Whether an exception is the end of a call that Ctrl+C cancelled. Grpc.Net.Client throws OperationCanceledException
/// for a cancelled token (ThrowOperationCanceledOnCancellation), but a streaming call torn down by that cancellation
/// while a read is in flight can still end as CANCELLED "Call canceled by the client".
/// </summary>
internal static class Interrupts
{
    public static bool Ended(Exception exception, CancellationToken interrupt) =>
        interrupt.IsCancellationRequested && exception is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled };
}
