using Google.Protobuf;

namespace ShopSync.Grpc.Server.Internal;

/// <summary>Writes streamed responses: one message, one flush (the flush await is the backpressure).</summary>
internal sealed class ServerStreamWriter<T>(HttpServerCallContext context) : IServerStreamWriter<T>
    where T : class, IMessage<T>
{
    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return context.WriteMessageAsync(message, WriteOptions, flush: true, cancellationToken);
    }
}
