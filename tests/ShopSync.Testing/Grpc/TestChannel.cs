using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;

namespace ShopSync.Testing.Grpc;

/// <summary>
/// A Grpc.Net.Client channel that calls RPCs by their generated <see cref="MethodDescriptor"/>: tests name a method
/// by its proto name and need no typed client. Thread-safe; dispose it to close the connections.
/// </summary>
public sealed class TestChannel : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly CallInvoker _invoker;
    private readonly ConcurrentDictionary<MethodDescriptor, object> _methods = new();

    private TestChannel(Uri address, GrpcChannelOptions? options)
    {
        Address = address;
        // Short reconnect pauses: tests start and restart servers, and the default backoff (up to 2 minutes) would
        // keep a channel failing fast long after its server is back.
        _channel = GrpcChannel.ForAddress(address, options ?? new GrpcChannelOptions
        {
            InitialReconnectBackoff = TimeSpan.FromMilliseconds(100),
            MaxReconnectBackoff = TimeSpan.FromSeconds(1),
        });
        _invoker = _channel.CreateCallInvoker();
    }

    public Uri Address { get; }

    /// <summary>The underlying call invoker (for a generated client: <c>new XClient(channel.Invoker)</c>).</summary>
    public CallInvoker Invoker => _invoker;

    public static TestChannel ForAddress(Uri address, GrpcChannelOptions? options = null) => new(address, options);

    public static TestChannel ForAddress(string address, GrpcChannelOptions? options = null) => new(new Uri(address), options);

    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(MethodDescriptor method, TRequest request, TestCallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        using var call = _invoker.AsyncUnaryCall(Method<TRequest, TResponse>(method, MethodType.Unary), null, options.ToCallOptions(), request);
        return await call.ResponseAsync;
    }

    public StreamingCall<TResponse> ServerStreaming<TRequest, TResponse>(MethodDescriptor method, TRequest request, TestCallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        new(_invoker.AsyncServerStreamingCall(Method<TRequest, TResponse>(method, MethodType.ServerStreaming), null, options.ToCallOptions(), request));

    public void Dispose() => _channel.Dispose();

    private Method<TRequest, TResponse> Method<TRequest, TResponse>(MethodDescriptor method, MethodType type)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        return (Method<TRequest, TResponse>)_methods.GetOrAdd(method, m => new Method<TRequest, TResponse>(
            type, m.Service.FullName, m.Name, Marshaller<TRequest>(), Marshaller<TResponse>()));
    }

    private static Marshaller<T> Marshaller<T>()
        where T : class, IMessage<T>
    {
        var parser = (MessageParser<T>)typeof(T).GetProperty("Parser", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        return Marshallers.Create(m => m.ToByteArray(), parser.ParseFrom);
    }
}
