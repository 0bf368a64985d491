using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ShopSync.Grpc.Client.Internal;

namespace ShopSync.Grpc.Client;

/// <summary>
/// A connection pool to one gRPC server (h2c for <c>http://</c>, TLS for <c>https://</c>). Thread-safe; create one
/// per server and reuse it. Calls are made by the generated <see cref="MethodDescriptor"/>.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private readonly ConcurrentDictionary<MethodDescriptor, object> _methods = new();
    private readonly bool _disposeInvoker;

    private GrpcChannel(Uri address, GrpcChannelOptions options)
    {
        Address = address;
        Options = options;
        TimeProvider = options.TimeProvider;
        Logger = options.LoggerFactory?.CreateLogger("ShopSync.Grpc.Client") ?? NullLogger.Instance;
        var handler = options.HttpHandler ?? DefaultHttpHandler.Create(options);
        _disposeInvoker = options.HttpHandler is null || options.DisposeHttpHandler;
        Invoker = new HttpMessageInvoker(handler, disposeHandler: _disposeInvoker);
    }

    /// <summary>The server's base address.</summary>
    public Uri Address { get; }

    internal GrpcChannelOptions Options { get; }

    internal TimeProvider TimeProvider { get; }

    internal ILogger Logger { get; }

    internal HttpMessageInvoker Invoker { get; }

    /// <summary>Creates a channel to <paramref name="address"/> (e.g. <c>http://127.0.0.1:5000</c>).</summary>
    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"Address '{address}' must use http (h2c) or https.", nameof(address));
        }
        return new GrpcChannel(address, options ?? new GrpcChannelOptions());
    }

    /// <summary>Creates a channel to <paramref name="address"/>.</summary>
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) =>
        ForAddress(new Uri(address, UriKind.Absolute), options);

    /// <summary>Calls a unary RPC; a non-OK status throws <see cref="RpcException"/>.</summary>
    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(MethodDescriptor method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var result = await UnaryCallAsync<TRequest, TResponse>(method, request, options).ConfigureAwait(false);
        return result.Response;
    }

    /// <summary>Calls a unary RPC and returns the response with its headers, trailers and status.</summary>
    public async Task<UnaryCallResult<TResponse>> UnaryCallAsync<TRequest, TResponse>(MethodDescriptor method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(request);
        var clientMethod = GetMethod<TRequest, TResponse>(method, clientStreaming: false, serverStreaming: false);
        using var call = new GrpcCall<TRequest, TResponse>(this, clientMethod, options);
        await call.StartAsync(request).ConfigureAwait(false);
        var response = await call.ReadNextAsync().ConfigureAwait(false);
        if (response is null)
        {
            throw new RpcException(new Status(StatusCode.Internal, "The server ended the unary call with OK but sent no response message."), call.Trailers);
        }
        if (await call.ReadNextAsync().ConfigureAwait(false) is not null)
        {
            throw new RpcException(new Status(StatusCode.Internal, "The server sent more than one response message to a unary call."), call.Trailers);
        }
        return new UnaryCallResult<TResponse>(response, call.ResponseHeaders, call.Trailers, call.FinalStatus ?? Status.DefaultSuccess);
    }

    /// <summary>Starts a server-streaming RPC; enumerate the returned call to read the responses.</summary>
    public AsyncServerStreamingCall<TResponse> ServerStreaming<TRequest, TResponse>(MethodDescriptor method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(request);
        var clientMethod = GetMethod<TRequest, TResponse>(method, clientStreaming: false, serverStreaming: true);
        var call = new GrpcCall<TRequest, TResponse>(this, clientMethod, options);
        return new AsyncServerStreamingCall<TResponse>(new ServerStreamingCallAdapter<TRequest, TResponse>(call, request));
    }

    /// <inheritdoc />
    public void Dispose() => Invoker.Dispose();

    private ClientMethod<TResponse> GetMethod<TRequest, TResponse>(MethodDescriptor method, bool clientStreaming, bool serverStreaming)
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        if (_methods.TryGetValue(method, out var cached))
        {
            return (ClientMethod<TResponse>)cached;
        }
        if (method.IsClientStreaming != clientStreaming || method.IsServerStreaming != serverStreaming)
        {
            throw new ArgumentException($"RPC {method.FullName} is {(method.IsClientStreaming ? "client-streaming " : string.Empty)}{(method.IsServerStreaming ? "server-streaming" : "unary")}; use the matching call method.", nameof(method));
        }
        var created = new ClientMethod<TResponse>(Address, method, typeof(TRequest));
        return (ClientMethod<TResponse>)_methods.GetOrAdd(method, created);
    }
}
