using ShopSync.Grpc.Client.Internal;

namespace ShopSync.Grpc.Client;

/// <summary>
/// A running server-streaming call. Enumerate it (once) to read the responses; a non-OK status throws
/// <see cref="RpcException"/> at the end of the enumeration. Dispose it to end the call (cancels it if still running).
/// </summary>
public sealed class AsyncServerStreamingCall<TResponse> : IAsyncEnumerable<TResponse>, IDisposable
{
    private readonly IServerStreamingCall<TResponse> _call;
    private int _enumerated;

    internal AsyncServerStreamingCall(IServerStreamingCall<TResponse> call)
    {
        _call = call;
    }

    /// <summary>The server's response headers (empty for a Trailers-Only response). Throws RpcException if the call failed first.</summary>
    public Task<Metadata> ResponseHeadersAsync => _call.ResponseHeadersAsync;

    /// <summary>The final status; throws <see cref="InvalidOperationException"/> while the call runs.</summary>
    public Status GetStatus() => _call.FinalStatus ?? throw new InvalidOperationException("The call has not finished: read all responses first.");

    /// <summary>The trailers; throws <see cref="InvalidOperationException"/> while the call runs.</summary>
    public Metadata GetTrailers() => _call.FinalStatus is null
        ? throw new InvalidOperationException("The call has not finished: read all responses first.")
        : _call.Trailers;

    /// <summary>Cancels the call (RST_STREAM CANCEL); reading then fails with CANCELLED.</summary>
    public void Cancel() => _call.Cancel();

    /// <inheritdoc />
    public async IAsyncEnumerator<TResponse> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) == 1)
        {
            throw new InvalidOperationException("A streaming call can be enumerated only once.");
        }
        using var registration = cancellationToken.Register(static state => ((IServerStreamingCall<TResponse>)state!).Cancel(), _call);
        await _call.ResponseHeadersAsync.ConfigureAwait(false);
        while (await _call.ReadNextAsync().ConfigureAwait(false) is { } message)
        {
            yield return message;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _call.Dispose();
}
