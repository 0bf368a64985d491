using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using ShopSync.Grpc.Protocol;

namespace ShopSync.Grpc.Client.Internal;

/// <summary>
/// One client call over HTTP/2: sends the request, validates the response headers, reads messages, and produces the
/// final status (from trailers, Trailers-Only headers, the HTTP status, a reset, the deadline or cancellation).
/// </summary>
internal sealed class GrpcCall<TRequest, TResponse> : IDisposable
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly GrpcChannel _channel;
    private readonly ClientMethod<TResponse> _method;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource _callSource;
    private readonly DateTimeOffset? _deadline;
    private ITimer? _deadlineTimer;
    private HttpResponseMessage? _response;
    private MessageReader<TResponse>? _reader;
    private volatile bool _deadlineExceeded;
    private int _disposed;

    public GrpcCall(GrpcChannel channel, ClientMethod<TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
        _callSource = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
        _deadline = ClientDeadline.Resolve(options, channel.TimeProvider);
    }

    public Metadata ResponseHeaders { get; private set; } = Metadata.Empty;

    public Metadata Trailers { get; private set; } = Metadata.Empty;

    /// <summary>The final status; null while the call runs.</summary>
    public Status? FinalStatus { get; private set; }

    private CancellationToken Token => _callSource.Token;

    /// <summary>Sends the request and reads the response headers; a Trailers-Only or failed response throws.</summary>
    public async Task StartAsync(TRequest request)
    {
        if (!StartDeadlineTimer())
        {
            throw Finish(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), null);
        }
        using var message = ClientRequestBuilder.Build(_method, request, _options, _deadline, _channel);
        _channel.Logger.CallStarting(_method.Path, _method.Uri);
        try
        {
            _response = await _channel.Invoker.SendAsync(message, Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Finish(TranslateTransportFailure(exception, "Error starting gRPC call"), null);
        }
        var headerStatus = ClientResponseValidator.Validate(_response);
        if (headerStatus is not null)
        {
            // Trailers-Only (or a broken response): the headers carry the status and trailers.
            Trailers = ClientStatusMapper.ToMetadata(_response.Headers);
            var details = ClientStatusMapper.TryReadDetails(_response.Headers);
            var failure = Finish(headerStatus.Value, details);
            if (headerStatus.Value.StatusCode != StatusCode.OK)
            {
                throw failure;
            }
            return;
        }
        ResponseHeaders = ClientStatusMapper.ToMetadata(_response.Headers);
        var encoding = _response.Headers.TryGetValues(GrpcProtocol.EncodingHeader, out var values) ? values.FirstOrDefault() : null;
        if (encoding is not null && encoding != GrpcProtocol.Identity && !MessageCompression.IsSupported(encoding))
        {
            throw Finish(new Status(StatusCode.Internal, $"The server used unsupported grpc-encoding '{encoding}'."), null);
        }
        var stream = await _response.Content.ReadAsStreamAsync(Token).ConfigureAwait(false);
        var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: false));
        _reader = new MessageReader<TResponse>(pipe, _method.Parser, _channel.Options.MaxReceiveMessageSize, encoding, "server");
    }

    /// <summary>The next response message, or null at the end of the stream (the status is then final).</summary>
    public async ValueTask<TResponse?> ReadNextAsync()
    {
        if (_reader is null)
        {
            return null;
        }
        TResponse? message;
        try
        {
            message = await _reader.ReadNextAsync(Token).ConfigureAwait(false);
        }
        catch (RpcException exception) when (FinalStatus is null)
        {
            throw Finish(exception.Status, null);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Finish(TranslateTransportFailure(exception, "Error reading the response"), null);
        }
        if (message is not null)
        {
            return message;
        }
        var trailers = _response!.TrailingHeaders;
        Trailers = ClientStatusMapper.ToMetadata(trailers);
        var status = ClientStatusMapper.TryReadStatus(trailers)
            ?? new Status(StatusCode.Unknown, "No grpc-status found on response.");
        var failure = Finish(status, ClientStatusMapper.TryReadDetails(trailers));
        if (status.StatusCode != StatusCode.OK)
        {
            throw failure;
        }
        return null;
    }

    /// <summary>Cancels the call; the HTTP/2 stream is reset with CANCEL.</summary>
    public void Cancel()
    {
        try
        {
            _callSource.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already disposed: nothing left to cancel.
            return;
        }
        if (FinalStatus is null)
        {
            // Once the headers are in, the token only reaches reads in progress; releasing the response is what
            // resets the HTTP/2 stream when no read is pending, so the server learns of the cancel at once.
            _response?.Dispose();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        if (FinalStatus is null)
        {
            Cancel();
        }
        _deadlineTimer?.Dispose();
        _response?.Dispose();
        _callSource.Dispose();
    }

    private bool StartDeadlineTimer()
    {
        if (_deadline is not { } deadline)
        {
            return true;
        }
        var remaining = deadline - _channel.TimeProvider.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            _deadlineExceeded = true;
            return false;
        }
        _deadlineTimer = _channel.TimeProvider.CreateTimer(static state => ((GrpcCall<TRequest, TResponse>)state!).OnDeadline(), this, remaining, Timeout.InfiniteTimeSpan);
        return true;
    }

    private void OnDeadline()
    {
        _deadlineExceeded = true;
        _channel.Logger.DeadlineExceeded(_method.Path);
        Cancel();
    }

    private Status TranslateTransportFailure(Exception exception, string context)
    {
        if (exception is OperationCanceledException)
        {
            return CancellationStatus();
        }
        if (_deadlineExceeded)
        {
            return new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }
        _channel.Logger.TransportError(_method.Path, exception.Message, exception);
        return exception switch
        {
            HttpProtocolException reset => new Status(ClientStatusMapper.FromResetCode(reset.ErrorCode), $"{context}: the server reset the stream (HTTP/2 error {reset.ErrorCode}). {reset.Message}"),
            HttpRequestException { HttpRequestError: HttpRequestError.VersionNegotiationError } => new Status(StatusCode.Internal, $"{context}: HTTP/2 could not be negotiated. {exception.Message}"),
            HttpRequestException or IOException => new Status(StatusCode.Unavailable, $"{context}: {exception.GetType().Name}: {exception.Message}"),
            _ => new Status(StatusCode.Internal, $"{context}: {exception.GetType().Name}: {exception.Message}"),
        };
    }

    private Status CancellationStatus() => _deadlineExceeded || (_deadline is { } d && _channel.TimeProvider.GetUtcNow() >= d)
        ? new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded")
        : new Status(StatusCode.Cancelled, "Call canceled by the client.");

    private RpcException Finish(Status status, Google.Rpc.Status? details)
    {
        if (status.StatusCode == StatusCode.Cancelled && _deadline is { } deadline && _channel.TimeProvider.GetUtcNow() >= deadline)
        {
            // The timer and the server's reset race; past the deadline the caller's answer is DEADLINE_EXCEEDED.
            status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }
        FinalStatus = status;
        _deadlineTimer?.Dispose();
        _channel.Logger.CallFinished(_method.Path, status.StatusCode, status.Detail);
        return new RpcException(status, Trailers, details);
    }
}
