using System.Runtime.CompilerServices;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ShopSync.Client.Internal;

/// <summary>
/// What every call of the typed clients shares: headers (user, per-call extras), credentials (as
/// <see cref="CallCredentials"/>), deadlines and cancellation. Retries come from the channel's service config
/// (<see cref="ShopSyncServiceConfig"/>), the resumable watch from <see cref="ResumableJobWatch"/>.
/// </summary>
internal sealed class ShopSyncCalls
{
    private readonly ShopSyncClientOptions _options;
    private readonly CallCredentials? _credentials;

    public ShopSyncCalls(ShopSyncClientOptions options, IShopSyncCallCredentials? credentials)
    {
        _options = options;
        var hook = options.Credentials
            ?? (options.ApiKey is { Length: > 0 } key ? ShopSyncCallCredentials.BearerToken(key)
                : options.TokenProvider is { } provider ? ShopSyncCallCredentials.BearerToken(provider)
                : credentials);
        _credentials = hook is null
            ? null
            : CallCredentials.FromInterceptor((context, metadata) => hook.ApplyAsync(metadata, context.CancellationToken).AsTask());
        Logger = options.LoggerFactory?.CreateLogger("ShopSync.Client") ?? NullLogger.Instance;
    }

    public ILogger Logger { get; }

    public ShopSyncRetryPolicy Retry => _options.Retry;

    public TimeProvider Time => _options.TimeProvider;

    public async Task<TResponse> UnaryAsync<TResponse>(
        Func<CallOptions, AsyncUnaryCall<TResponse>> start, ShopSyncCallOptions? options, CancellationToken cancellationToken)
    {
        var deadline = Deadline(options, _options.DefaultTimeout);
        using var call = start(Build(options, deadline, cancellationToken));
        try
        {
            return await call.ResponseAsync.ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (PassedDeadline(e, deadline, cancellationToken) is { } exceeded)
        {
            throw exceeded;
        }
    }

    /// <summary>A server stream; the service config retries it on UNAVAILABLE before the server's first message only.</summary>
    public async IAsyncEnumerable<TResponse> StreamAsync<TResponse>(
        Func<CallOptions, AsyncServerStreamingCall<TResponse>> start, ShopSyncCallOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var deadline = Deadline(options, defaultTimeout: null);
        using var call = start(Build(options, deadline, cancellationToken));
        while (true)
        {
            try
            {
                if (!await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (OperationCanceledException e) when (PassedDeadline(e, deadline, cancellationToken) is { } exceeded)
            {
                throw exceeded;
            }

            yield return call.ResponseStream.Current;
        }
    }

    /// <summary>
    /// A call past its deadline as DEADLINE_EXCEEDED, always. With <c>ThrowOperationCanceledOnCancellation</c> (so a
    /// cancelled token ends a call with <see cref="OperationCanceledException"/>) grpc-dotnet sometimes reports the
    /// deadline the same way, when its deadline timer cancels the HTTP request before the call's status is set (a CI
    /// run caught a 200 ms deadline that way). A cancellation the caller did not ask for, on a call with a
    /// deadline, is that deadline.
    /// </summary>
    private static RpcException? PassedDeadline(OperationCanceledException e, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
        deadline is not null && !cancellationToken.IsCancellationRequested
            ? new RpcException(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded", e))
            : null;

    public DateTimeOffset? Deadline(ShopSyncCallOptions? options, TimeSpan? defaultTimeout)
    {
        var timeout = options?.Timeout ?? (options?.Deadline is null ? defaultTimeout : null);
        DateTimeOffset? fromTimeout = timeout is { } t ? Time.GetUtcNow() + t : null;
        return (fromTimeout, options?.Deadline) switch
        {
            ({ } a, { } b) => a < b ? a : b,
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => null,
        };
    }

    public CallOptions Build(ShopSyncCallOptions? options, DateTimeOffset? deadline, CancellationToken cancellationToken)
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
        return new CallOptions(headers, deadline?.UtcDateTime, cancellationToken, credentials: _credentials);
    }
}
