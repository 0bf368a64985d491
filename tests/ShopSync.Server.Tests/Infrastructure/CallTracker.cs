using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ShopSync.Server.Tests.Infrastructure;

/// <summary>
/// An interceptor the in-process host adds (outermost): it records how each call ended on the server, so a test
/// can await "the server saw the client go" instead of guessing with a delay.
/// </summary>
internal sealed class CallTracker : Interceptor
{
    private readonly ConcurrentQueue<CallEnd> _ended = new();

    public IReadOnlyCollection<CallEnd> Ended => _ended;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            var response = await continuation(request, context);
            Record(context, null);
            return response;
        }
        catch (Exception e)
        {
            Record(context, e);
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
            Record(context, null);
        }
        catch (Exception e)
        {
            Record(context, e);
            throw;
        }
    }

    private void Record(ServerCallContext context, Exception? e) =>
        _ended.Enqueue(new CallEnd(context.Method, context.CancellationToken.IsCancellationRequested, e));

    /// <param name="Method">"/shopsync.v1.JobQueueService/EnqueueJob".</param>
    /// <param name="Cancelled">The call's token had fired (client gone or deadline) when it ended.</param>
    /// <param name="Exception">What the call threw, if anything.</param>
    internal sealed record CallEnd(string Method, bool Cancelled, Exception? Exception);
}
