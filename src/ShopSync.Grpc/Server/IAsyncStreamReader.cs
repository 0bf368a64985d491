namespace ShopSync.Grpc.Server;

/// <summary>Reads the requests of a client-streaming or bidirectional call.</summary>
public interface IAsyncStreamReader<out T>
{
    /// <summary>The message read by the last successful <see cref="MoveNext"/>.</summary>
    T Current { get; }

    /// <summary>Reads the next message; false when the client has finished sending.</summary>
    Task<bool> MoveNext(CancellationToken cancellationToken);
}
