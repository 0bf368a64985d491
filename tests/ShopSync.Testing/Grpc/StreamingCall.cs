using Grpc.Core;

namespace ShopSync.Testing.Grpc;

/// <summary>
/// A running server-streaming call that can be enumerated (once) with <c>await foreach</c>; a non-OK status throws
/// <see cref="RpcException"/> at the end. Disposing it cancels the call if it still runs.
/// </summary>
public sealed class StreamingCall<TResponse>(AsyncServerStreamingCall<TResponse> call) : IAsyncEnumerable<TResponse>, IDisposable
{
    public Task<Metadata> ResponseHeadersAsync => call.ResponseHeadersAsync;

    public Status GetStatus() => call.GetStatus();

    public Metadata GetTrailers() => call.GetTrailers();

    public async IAsyncEnumerator<TResponse> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        while (await call.ResponseStream.MoveNext(cancellationToken))
        {
            yield return call.ResponseStream.Current;
        }
    }

    public void Dispose() => call.Dispose();
}
