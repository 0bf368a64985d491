using Google.Protobuf.Reflection;
using Grpc.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ShopSync.Grpc.Server;
using ShopSync.Grpc.Server.Internal;
using ShopSync.Grpc.Tests.Infrastructure;

namespace ShopSync.Grpc.Tests.Server;

/// <summary>
/// Kestrel fails the request body of a reset stream at once but cancels <c>RequestAborted</c> later, from a queued
/// work item. Under load a handler therefore saw the body fail while the token still said "client present", and the
/// server logged the reset as a handler exception (UNKNOWN). These tests recreate that ordering without a socket.
/// </summary>
public sealed class ClientResetRaceTests
{
    private static readonly MethodDescriptor EmptyCall =
        TestReflection.Descriptor.FindTypeByName<ServiceDescriptor>("TestService").FindMethodByName("EmptyCall");

    [Fact]
    public async Task Request_body_reset_before_RequestAborted_fires_is_a_client_cancel_not_a_handler_error()
    {
        var logs = new TestLogSink();
        var invoked = false;
        var handler = new UnaryCallHandler<object, Empty, Empty>(
            new GrpcMethodInfo(EmptyCall),
            new ServerCallHandlerServices(new GrpcServerOptions(), TimeProvider.System, logs.CreateLogger("test")),
            (_, _, _) =>
            {
                invoked = true;
                return Task.FromResult(new Empty());
            });
        var http = GrpcRequest(new ResetRequestBody());

        await handler.HandleAsync(http);

        Assert.False(http.RequestAborted.IsCancellationRequested);
        Assert.False(invoked);
        Assert.DoesNotContain(logs.Records, r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task An_IOException_thrown_by_the_handler_itself_is_still_a_handler_error()
    {
        var logs = new TestLogSink();
        var handler = new UnaryCallHandler<object, Empty, Empty>(
            new GrpcMethodInfo(EmptyCall),
            new ServerCallHandlerServices(new GrpcServerOptions(), TimeProvider.System, logs.CreateLogger("test")),
            (_, _, _) => throw new IOException("disk full"));
        var http = GrpcRequest(new MemoryStream([0, 0, 0, 0, 0]));
        http.RequestServices = new EmptyServiceProvider();

        await handler.HandleAsync(http);

        Assert.Contains(logs.Records, r => r.Level == LogLevel.Error && r.EventId.Id == 1001);
    }

    private static DefaultHttpContext GrpcRequest(Stream body)
    {
        var http = new DefaultHttpContext();
        http.Request.Protocol = "HTTP/2";
        http.Request.Method = "POST";
        http.Request.ContentType = "application/grpc";
        http.Request.Path = "/grpc.testing.TestService/EmptyCall";
        http.Request.Body = body;
        return http;
    }

    /// <summary>What Kestrel's request body does after RST_STREAM: reads fail with an IOException.</summary>
    private sealed class ResetRequestBody : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw Reset();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(Reset());

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromException<int>(Reset());

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private static IOException Reset() => new("The client reset the request stream.");
    }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
