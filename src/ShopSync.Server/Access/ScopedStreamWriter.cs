using Grpc.Core;

namespace ShopSync.Server.Access;

/// <summary>A response stream that drops messages about shops outside the principal's scope (and trims their lists).</summary>
internal sealed class ScopedStreamWriter<T>(IServerStreamWriter<T> inner, ShopScope scope) : IServerStreamWriter<T>
{
    public WriteOptions? WriteOptions
    {
        get => inner.WriteOptions;
        set => inner.WriteOptions = value;
    }

    public Task WriteAsync(T message) =>
        ScopeGuard.FilterResponse((Google.Protobuf.IMessage)message!, scope) ? inner.WriteAsync(message) : Task.CompletedTask;

    public Task WriteAsync(T message, CancellationToken cancellationToken) =>
        ScopeGuard.FilterResponse((Google.Protobuf.IMessage)message!, scope) ? inner.WriteAsync(message, cancellationToken) : Task.CompletedTask;
}
