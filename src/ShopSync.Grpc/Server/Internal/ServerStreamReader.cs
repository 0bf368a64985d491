using Google.Protobuf;
using ShopSync.Grpc.Protocol;

namespace ShopSync.Grpc.Server.Internal;

/// <summary>Reads streamed requests from the request body.</summary>
internal sealed class ServerStreamReader<T>(MessageReader<T> reader, HttpServerCallContext context) : IAsyncStreamReader<T>
    where T : class, IMessage<T>
{
    private T? _current;

    public T Current => _current ?? throw new InvalidOperationException("Call MoveNext and check it returned true before reading Current.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        using var linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken)
            : null;
        _current = await reader.ReadNextAsync(linked?.Token ?? context.CancellationToken).ConfigureAwait(false);
        return _current is not null;
    }
}
