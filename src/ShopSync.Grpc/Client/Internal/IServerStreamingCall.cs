namespace ShopSync.Grpc.Client.Internal;

/// <summary>The untyped-request view of a server-streaming call that <see cref="AsyncServerStreamingCall{TResponse}"/> drives.</summary>
internal interface IServerStreamingCall<TResponse> : IDisposable
{
    Task<Metadata> ResponseHeadersAsync { get; }

    Metadata Trailers { get; }

    Status? FinalStatus { get; }

    ValueTask<TResponse?> ReadNextAsync();

    void Cancel();
}
