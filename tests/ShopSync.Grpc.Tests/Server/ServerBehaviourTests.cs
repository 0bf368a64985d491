using Google.Rpc;
using Grpc.Testing;
using ShopSync.Grpc.Client;
using ShopSync.Grpc.Server.Internal;
using ShopSync.Grpc.Tests.Infrastructure;
using ShopSync.Grpc.Tests.Interop;
using M = ShopSync.Grpc.Tests.Interop.TestServiceMethods;

namespace ShopSync.Grpc.Tests.Server;

/// <summary>Our client against our server: errors, details, interceptors, deadlines, cancellation.</summary>
public sealed class ServerBehaviourTests
{
    [Fact]
    public async Task InvalidArgument_FromInterceptor_ClientDecodesBadRequest()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.Interceptors.Add(new FailingInterceptor()));
        using var channel = server.CreateChannel();

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync<Empty, Empty>(M.EmptyCall, new Empty(), Fail("invalid-argument")));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("name", violation.Field);
        Assert.Equal("must not be empty", violation.Description);
        Assert.Equal((int)StatusCode.InvalidArgument, error.StatusDetails!.Code);
    }

    [Fact]
    public async Task NotFound_FromInterceptor_ClientDecodesResourceInfo()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.Interceptors.Add(new FailingInterceptor()));
        using var channel = server.CreateChannel();

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync<Empty, Empty>(M.EmptyCall, new Empty(), Fail("not-found")));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("42", error.GetDetail<ResourceInfo>()!.ResourceName);
    }

    [Fact]
    public async Task HandlerException_AnyCall_UnknownWithoutInternalsAndLogged()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.Interceptors.Add<FailingInterceptor>());
        server.ExpectErrorLog(1001);
        using var channel = server.CreateChannel();

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync<Empty, Empty>(M.EmptyCall, new Empty(), Fail("crash")));

        Assert.Equal(new Status(StatusCode.Unknown, "Exception was thrown by handler."), error.Status);
        Assert.DoesNotContain(FailingInterceptor.Secret, error.Message, StringComparison.Ordinal);
        Assert.Contains(server.Logs.Records, r => r.EventId.Id == 1001 && r.Exception?.Message == FailingInterceptor.Secret);
    }

    [Fact]
    public async Task ServerStreamingCancel_AfterFirstResponse_HandlerTokenCancelled()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();

        await ClientInteropCases.CancelAfterFirstResponse(channel);

        var signals = (InteropSignals)server.Services.GetService(typeof(InteropSignals))!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        Assert.True(await signals.StreamCancelled.Task.WaitAsync(timeout.Token));
    }

    [Fact]
    public async Task ServerStreamingCancel_NoReadPending_ServerSeesResetAtOnce()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.Add(new ResponseParameters { Size = 1 });
        // The second response would come ten minutes later: only a reset can end the handler sooner.
        request.ResponseParameters.Add(new ResponseParameters { Size = 1, IntervalUs = 600_000_000 });
        using var call = channel.ServerStreaming<StreamingOutputCallRequest, StreamingOutputCallResponse>(M.StreamingOutputCall, request);
        await using (var responses = call.GetAsyncEnumerator())
        {
            Assert.True(await responses.MoveNextAsync());
        }

        call.Cancel();

        var signals = (InteropSignals)server.Services.GetService(typeof(InteropSignals))!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        Assert.True(await signals.StreamCancelled.Task.WaitAsync(timeout.Token));
    }

    [Fact]
    public async Task Deadline_SleepingServer_DeadlineExceeded()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();

        await ClientInteropCases.TimeoutOnSleepingServer(channel);
    }

    [Fact]
    public async Task ReceiveLimit_ConfiguredSmall_ResourceExhausted()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.MaxReceiveMessageSize = 1024);
        using var channel = server.CreateChannel();

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync<SimpleRequest, SimpleResponse>(M.UnaryCall, ClientInteropCases.LargeRequest()));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public async Task ResponseCompression_Configured_ClientDecompresses(string compression)
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.ResponseCompression = compression);
        using var channel = server.CreateChannel();

        await ClientInteropCases.LargeUnary(channel, compression);
        await ClientInteropCases.CustomMetadata(channel);
    }

    [Fact]
    public async Task ConcurrentLargeUnary_MoreThan100Calls_AllSucceed()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();

        await ClientInteropCases.ConcurrentLargeUnary(channel, 200);
    }

    [Fact]
    public async Task SpecialStatusMessage_OwnServer_RoundTrips()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();

        var error = await ClientInteropCases.EchoStatus(channel, 2, ClientInteropCases.Special);

        Assert.Equal(new Status(StatusCode.Unknown, ClientInteropCases.Special), error.Status);
    }

    [Fact]
    public void MapGrpcService_SignatureMismatch_FailsStartupNamingExpectedSignature()
    {
        var services = new ServerCallHandlerServices(new ShopSync.Grpc.Server.GrpcServerOptions(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        var error = Assert.Throws<InvalidOperationException>(() => GrpcServiceBinder.Bind<MismatchedService>(MismatchedService.Descriptor, services));

        Assert.Contains("Task<Empty> EmptyCall(Empty, ServerCallContext)", error.Message, StringComparison.Ordinal);
    }

    private static CallOptions Fail(string how) => new()
    {
        Headers = new Metadata().Add("x-fail", how),
        Timeout = TimeSpan.FromSeconds(30),
    };
}
