using System.Collections.Concurrent;
using ShopSync.Grpc.Server;

namespace ShopSync.Server.Tests.Infrastructure;

/// <summary>
/// An interceptor the in-process host adds: it records how each call ended on the server, so a test can
/// await "the server saw the client go" instead of guessing with a delay.
/// </summary>
internal sealed class CallTracker : IServerInterceptor
{
    private readonly ConcurrentQueue<CallEnd> _ended = new();

    public IReadOnlyCollection<CallEnd> Ended => _ended;

    public async Task InterceptAsync(ServerCallContext context, ServerCallDelegate next)
    {
        try
        {
            await next(context);
            _ended.Enqueue(new CallEnd(context.Method, context.CancellationToken.IsCancellationRequested, null));
        }
        catch (Exception e)
        {
            _ended.Enqueue(new CallEnd(context.Method, context.CancellationToken.IsCancellationRequested, e));
            throw;
        }
    }

    /// <param name="Method">"/shopsync.v1.JobQueueService/EnqueueJob".</param>
    /// <param name="Cancelled">The call's token had fired (client gone or deadline) when it ended.</param>
    /// <param name="Exception">What the call threw, if anything.</param>
    internal sealed record CallEnd(string Method, bool Cancelled, Exception? Exception);
}
