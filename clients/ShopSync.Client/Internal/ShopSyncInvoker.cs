using System.Runtime.CompilerServices;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ShopSync.Grpc;
using ShopSync.Grpc.Client;

namespace ShopSync.Client.Internal;

/// <summary>
/// Every call of the typed clients goes through here: headers (user, credentials), deadlines, cancellation,
/// retries of idempotent calls on UNAVAILABLE. Owns the channel.
/// </summary>
internal sealed class ShopSyncInvoker : IDisposable
{
    private readonly ShopSyncClientOptions _options;
    private readonly IShopSyncCallCredentials? _credentials;
    private readonly TimeProvider _time;

    public ShopSyncInvoker(ShopSyncClientOptions options, IShopSyncCallCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = options.Address ?? throw new ArgumentException("ShopSyncClientOptions.Address is required (e.g. http://127.0.0.1:5000).", nameof(options));
        _options = options;
        _credentials = options.Credentials ?? credentials;
        _time = options.TimeProvider;
        options.ChannelOptions.TimeProvider = _time;
        options.ChannelOptions.LoggerFactory ??= options.LoggerFactory;
        Channel = GrpcChannel.ForAddress(address, options.ChannelOptions);
        Logger = options.LoggerFactory?.CreateLogger("ShopSync.Client") ?? NullLogger.Instance;
    }

    public GrpcChannel Channel { get; }

    public ILogger Logger { get; }

    public ShopSyncRetryPolicy Retry => _options.Retry;

    public TimeProvider Time => _time;

    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(
        MethodDescriptor method, TRequest request, bool idempotent, ShopSyncCallOptions? options, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var deadline = Deadline(options, _options.DefaultTimeout);
        var maxAttempts = idempotent ? Math.Max(1, Retry.MaxAttempts) : 1;
        for (var attempt = 1; ; attempt++)
        {
            var callOptions = await BuildAsync(options, deadline, cancellationToken).ConfigureAwait(false);
            try
            {
                return await Channel.UnaryAsync<TRequest, TResponse>(method, request, callOptions).ConfigureAwait(false);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(e.Status.Detail, e, cancellationToken);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && attempt < maxAttempts)
            {
                var pause = Retry.BackoffAfter(attempt);
                if (deadline is { } d && _time.GetUtcNow() + pause >= d)
                {
                    throw;
                }
                ClientLog.Retrying(Logger, method.Name, attempt, maxAttempts, pause.TotalMilliseconds, e.Status.Detail);
                await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A server stream, not retried (EnqueueJob) or retried only before its first message (watch-all streams).</summary>
    public async IAsyncEnumerable<TResponse> StreamAsync<TRequest, TResponse>(
        MethodDescriptor method, TRequest request, bool retryBeforeFirstMessage, ShopSyncCallOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var deadline = Deadline(options, defaultTimeout: null);
        var maxAttempts = retryBeforeFirstMessage ? Math.Max(1, Retry.MaxAttempts) : 1;
        for (var attempt = 1; ; attempt++)
        {
            var callOptions = await BuildAsync(options, deadline, cancellationToken).ConfigureAwait(false);
            using var call = Channel.ServerStreaming<TRequest, TResponse>(method, request, callOptions);
            await using var reader = call.GetAsyncEnumerator(cancellationToken);
            var received = false;
            while (true)
            {
                bool more;
                try
                {
                    more = await reader.MoveNextAsync().ConfigureAwait(false);
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(e.Status.Detail, e, cancellationToken);
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && !received && attempt < maxAttempts)
                {
                    var pause = Retry.BackoffAfter(attempt);
                    ClientLog.Retrying(Logger, method.Name, attempt, maxAttempts, pause.TotalMilliseconds, e.Status.Detail);
                    await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
                    break;
                }
                if (!more)
                {
                    yield break;
                }
                received = true;
                yield return reader.Current;
            }
        }
    }

    public DateTimeOffset? Deadline(ShopSyncCallOptions? options, TimeSpan? defaultTimeout)
    {
        var timeout = options?.Timeout ?? (options?.Deadline is null ? defaultTimeout : null);
        DateTimeOffset? fromTimeout = timeout is { } t ? _time.GetUtcNow() + t : null;
        return (fromTimeout, options?.Deadline) switch
        {
            ({ } a, { } b) => a < b ? a : b,
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => null,
        };
    }

    public async ValueTask<CallOptions> BuildAsync(ShopSyncCallOptions? options, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        var headers = new Metadata();
        if (options?.Headers is { } extra)
        {
            foreach (var entry in extra)
            {
                headers.Add(entry);
            }
        }
        if ((options?.User ?? _options.User) is { Length: > 0 } user)
        {
            headers.Add("x-shopsync-user", user);
        }
        if (_credentials is not null)
        {
            await _credentials.ApplyAsync(headers, cancellationToken).ConfigureAwait(false);
        }
        return new CallOptions { Headers = headers, Deadline = deadline, CancellationToken = cancellationToken };
    }

    public void Dispose() => Channel.Dispose();
}
