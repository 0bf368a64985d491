using System.Net;
using System.Net.Sockets;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using ShopSync.Grpc.Protocol;

namespace ShopSync.Grpc.Server.Internal;

/// <summary>The server side of one call on Kestrel: request metadata, deadline, response writes and the final status.</summary>
internal sealed class HttpServerCallContext : ServerCallContext, IDisposable
{
    private readonly HttpContext _http;
    private readonly GrpcMethodInfo _method;
    private readonly GrpcServerOptions _options;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private CancellationTokenSource? _deadlineSource;
    private ITimer? _deadlineTimer;
    private string? _responseCompression;
    private CancellationToken _cancellationToken;
    private volatile bool _requestBodyFailed;
    private DateTimeOffset? _deadline;
    private int _writeInProgress;
    private bool _completed;

    public HttpServerCallContext(HttpContext http, GrpcMethodInfo method, GrpcServerOptions options)
    {
        _http = http;
        _method = method;
        _options = options;
        _cancellationToken = http.RequestAborted;
    }

    public override string Method => _method.Path;
    public override MethodDescriptor MethodDescriptor => _method.Descriptor;
    public override Metadata RequestHeaders => _requestHeaders ??= ReadRequestHeaders();
    public override Metadata ResponseTrailers => _responseTrailers ??= new Metadata();
    public override Status Status { get; set; } = Status.DefaultSuccess;
    public override CancellationToken CancellationToken => _cancellationToken;
    public override DateTimeOffset? Deadline => _deadline;
    public override string Peer => FormatPeer(_http.Connection.RemoteIpAddress, _http.Connection.RemotePort);
    public override HttpContext HttpContext => _http;
    public override WriteOptions? WriteOptions { get; set; }

    public override string? ResponseCompression
    {
        get => _responseCompression;
        set
        {
            if (value is not null && !MessageCompression.IsSupported(value))
            {
                throw new ArgumentException($"Compression '{value}' is not supported; use gzip or deflate.", nameof(value));
            }
            if (_http.Response.HasStarted)
            {
                throw new InvalidOperationException("ResponseCompression must be set before the response headers are sent.");
            }
            _responseCompression = value is not null && MessageCompression.IsAccepted(AcceptEncoding, value) ? value : null;
        }
    }

    /// <summary>The request's <c>grpc-encoding</c>, or null for identity.</summary>
    public string? RequestEncoding { get; private set; }

    /// <summary>Whether the deadline passed (the status then is DEADLINE_EXCEEDED whatever the handler did).</summary>
    public bool DeadlineExceeded { get; private set; }

    /// <summary>
    /// Whether the client went away (RST_STREAM or connection loss). Kestrel cancels <c>RequestAborted</c> from a
    /// queued work item, so a read of the reset request body can fail before the token shows it: a transport failure
    /// of the request body counts as well.
    /// </summary>
    public bool ClientGone => _requestBodyFailed || _http.RequestAborted.IsCancellationRequested;

    /// <summary>The reader of the request messages, which marks the client gone when the request body fails.</summary>
    public MessageReader<TRequest> CreateRequestReader<TRequest>(MessageParser<TRequest> parser)
        where TRequest : class, IMessage<TRequest> =>
        new(_http.Request.BodyReader, parser, _options.MaxReceiveMessageSize, RequestEncoding, "client", () => _requestBodyFailed = true);

    private string? AcceptEncoding => _http.Request.Headers[GrpcProtocol.AcceptEncodingHeader];

    /// <summary>Reads grpc-timeout and grpc-encoding; throws RpcException for headers we cannot serve.</summary>
    public void Initialize(TimeProvider timeProvider)
    {
        _cancellationToken = _http.RequestAborted;
        var response = _http.Response;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;

        var encoding = _http.Request.Headers[GrpcProtocol.EncodingHeader].ToString();
        if (encoding.Length > 0 && encoding != GrpcProtocol.Identity)
        {
            if (!MessageCompression.IsSupported(encoding))
            {
                throw new RpcException(new Status(StatusCode.Unimplemented,
                    $"Unsupported grpc-encoding '{encoding}'. Supported: {GrpcProtocol.SupportedEncodings}."));
            }
            RequestEncoding = encoding;
        }
        if (_options.ResponseCompression is { } compression && MessageCompression.IsAccepted(AcceptEncoding, compression))
        {
            _responseCompression = compression;
        }

        var timeoutHeader = _http.Request.Headers[GrpcProtocol.TimeoutHeader].ToString();
        if (timeoutHeader.Length > 0 && GrpcTimeout.TryParse(timeoutHeader, out var timeout))
        {
            StartDeadline(timeProvider, timeout);
        }
    }

    /// <summary>Writes one response message; single producer, guarded.</summary>
    public async Task WriteMessageAsync(IMessage message, WriteOptions? writeOptions, bool flush, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _writeInProgress, 1) == 1)
        {
            throw new InvalidOperationException("Can't write the message because the previous write is in progress (writes are single-producer: await each one).");
        }
        try
        {
            if (_completed)
            {
                throw new InvalidOperationException("Can't write the message because the call is complete.");
            }
            cancellationToken.ThrowIfCancellationRequested();
            _cancellationToken.ThrowIfCancellationRequested();
            await EnsureResponseStartedAsync(cancellationToken).ConfigureAwait(false);
            var noCompress = (writeOptions ?? WriteOptions)?.NoCompress == true;
            var compression = noCompress ? null : _responseCompression;
            MessageWriter.Write(_http.Response.BodyWriter, message, compression, _options.MaxSendMessageSize);
            if (flush)
            {
                await _http.Response.BodyWriter.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            Volatile.Write(ref _writeInProgress, 0);
        }
    }

    public override async Task WriteResponseHeadersAsync(Metadata responseHeaders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        if (_http.Response.HasStarted)
        {
            throw new InvalidOperationException("Response headers can only be sent once per call.");
        }
        foreach (var entry in responseHeaders)
        {
            _http.Response.Headers.Append(entry.Key, MetadataHeaders.ToHeaderValue(entry));
        }
        await EnsureResponseStartedAsync(cancellationToken).ConfigureAwait(false);
        await _http.Response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the status: trailers after a started response, else a Trailers-Only response.</summary>
    public void Complete(Status status, Metadata? trailers, Google.Rpc.Status? details)
    {
        _completed = true;
        var response = _http.Response;
        var trailersOnly = !response.HasStarted;
        Action<string, string> add = trailersOnly
            ? (name, value) => response.Headers.Append(name, value)
            : (name, value) => response.AppendTrailer(name, value);
        if (trailersOnly)
        {
            response.Headers.Remove(GrpcProtocol.EncodingHeader);
        }
        add(GrpcProtocol.StatusHeader, StatusText((int)status.StatusCode));
        if (status.Detail.Length > 0)
        {
            add(GrpcProtocol.MessageHeader, PercentEncoding.Encode(status.Detail));
        }
        if (details is not null)
        {
            add(GrpcProtocol.StatusDetailsHeader, StatusDetailsCodec.Encode(details, status));
        }
        if (trailers is not null)
        {
            foreach (var entry in trailers)
            {
                add(entry.Key, MetadataHeaders.ToHeaderValue(entry));
            }
        }
    }

    /// <summary>Completes a successful call (status OK in the trailers) without closures on the hot path.</summary>
    public void CompleteOk()
    {
        if (_responseTrailers is { Count: > 0 } || Status.StatusCode != StatusCode.OK || !_http.Response.HasStarted)
        {
            Complete(Status, _responseTrailers, null);
            return;
        }
        _completed = true;
        _http.Response.AppendTrailer(GrpcProtocol.StatusHeader, "0");
    }

    public void Dispose()
    {
        _deadlineTimer?.Dispose();
        _deadlineSource?.Dispose();
    }

    private Task EnsureResponseStartedAsync(CancellationToken cancellationToken)
    {
        var response = _http.Response;
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }
        if (_responseCompression is not null)
        {
            response.Headers[GrpcProtocol.EncodingHeader] = _responseCompression;
        }
        return response.StartAsync(cancellationToken);
    }

    private void StartDeadline(TimeProvider timeProvider, TimeSpan timeout)
    {
        _deadline = timeProvider.GetUtcNow() + timeout;
        _deadlineSource = CancellationTokenSource.CreateLinkedTokenSource(_http.RequestAborted);
        _cancellationToken = _deadlineSource.Token;
        _deadlineTimer = timeProvider.CreateTimer(static state => ((HttpServerCallContext)state!).OnDeadline(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    private void OnDeadline()
    {
        DeadlineExceeded = true;
        try
        {
            _deadlineSource?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call finished as the deadline fired.
        }
    }

    private Metadata ReadRequestHeaders()
    {
        var metadata = new Metadata();
        foreach (var header in _http.Request.Headers)
        {
            foreach (var value in header.Value)
            {
                MetadataHeaders.AddHeader(metadata, header.Key, value);
            }
        }
        return metadata;
    }

    private static string StatusText(int code) => code switch
    {
        0 => "0", 1 => "1", 2 => "2", 3 => "3", 4 => "4", 5 => "5", 6 => "6", 7 => "7", 8 => "8",
        _ => code.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string FormatPeer(IPAddress? address, int port) => address switch
    {
        null => "unknown",
        { AddressFamily: AddressFamily.InterNetworkV6 } => $"ipv6:[{address}]:{port}",
        _ => $"ipv4:{address}:{port}",
    };
}
