using Google.Protobuf;

namespace ShopSync.Grpc.Client.Internal;

/// <summary>Starts a server-streaming <see cref="GrpcCall{TRequest,TResponse}"/> at once and exposes it by response type.</summary>
internal sealed class ServerStreamingCallAdapter<TRequest, TResponse> : IServerStreamingCall<TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly GrpcCall<TRequest, TResponse> _call;

    public ServerStreamingCallAdapter(GrpcCall<TRequest, TResponse> call, TRequest request)
    {
        _call = call;
        ResponseHeadersAsync = StartAsync(request);
        // A caller that disposes without reading must not leave an unobserved faulted task behind.
        ResponseHeadersAsync.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task<Metadata> ResponseHeadersAsync { get; }

    public Metadata Trailers => _call.Trailers;

    public Status? FinalStatus => _call.FinalStatus;

    public ValueTask<TResponse?> ReadNextAsync() => _call.ReadNextAsync();

    public void Cancel() => _call.Cancel();

    public void Dispose() => _call.Dispose();

    private async Task<Metadata> StartAsync(TRequest request)
    {
        await _call.StartAsync(request).ConfigureAwait(false);
        return _call.ResponseHeaders;
    }
}
