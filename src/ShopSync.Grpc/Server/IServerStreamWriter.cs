namespace ShopSync.Grpc.Server;

/// <summary>
/// Writes the responses of a streaming call. Single producer: await each write before the next (a concurrent write
/// throws). The await is the backpressure — it completes when HTTP/2 flow control lets the message out.
/// </summary>
public interface IServerStreamWriter<in T>
{
    /// <summary>Options for the following writes (e.g. <see cref="ShopSync.Grpc.WriteOptions.NoCompression"/>); null = defaults.</summary>
    WriteOptions? WriteOptions { get; set; }

    /// <summary>Writes and flushes one message.</summary>
    Task WriteAsync(T message, CancellationToken cancellationToken);
}
