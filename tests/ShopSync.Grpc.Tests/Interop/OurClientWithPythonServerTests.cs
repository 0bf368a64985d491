using Grpc.Testing;
using M = ShopSync.Grpc.Tests.Interop.TestServiceMethods;

namespace ShopSync.Grpc.Tests.Interop;

/// <summary>Our client against a python grpcio (C-core) server: the interop cases in the other direction.</summary>
public sealed class OurClientWithPythonServerTests(PythonServerFixture fixture) : IClassFixture<PythonServerFixture>
{
    private Client.GrpcChannel Channel
    {
        get
        {
            Assert.True(fixture.Failure is null, fixture.Failure);
            return fixture.Channel;
        }
    }

    [Fact]
    public Task EmptyUnary_PythonServer_RoundTripsEmptyMessage() => ClientInteropCases.EmptyUnary(Channel);

    [Fact]
    public Task LargeUnary_PythonServer_ReturnsLargePayload() => ClientInteropCases.LargeUnary(Channel);

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public Task ClientCompressedUnary_PythonServer_AcceptsCompressedRequest(string compression) => ClientInteropCases.LargeUnary(Channel, compression);

    [Fact]
    public Task ServerCompressedUnary_PythonServer_DecompressesResponse() => ClientInteropCases.ServerCompressedUnary(Channel);

    [Fact]
    public async Task ServerStreaming_PythonServer_ReturnsSizesInOrder()
    {
        var request = new StreamingOutputCallRequest();
        foreach (var size in new[] { 31415, 9, 2653, 58979 })
        {
            request.ResponseParameters.Add(new ResponseParameters { Size = size });
        }
        Assert.Equal([31415, 9, 2653, 58979], await ClientInteropCases.StreamSizes(Channel, request));
    }

    [Fact]
    public async Task ServerCompressedStreaming_PythonServer_ReadsMixedMessages()
    {
        var request = new StreamingOutputCallRequest
        {
            ResponseParameters =
            {
                new ResponseParameters { Size = 31415, Compressed = new BoolValue { Value = true } },
                new ResponseParameters { Size = 92653, Compressed = new BoolValue { Value = false } },
            },
        };
        Assert.Equal([31415, 92653], await ClientInteropCases.StreamSizes(Channel, request));
    }

    [Fact]
    public async Task EmptyStream_PythonServer_EndsOkWithoutMessages() =>
        Assert.Empty(await ClientInteropCases.StreamSizes(Channel, new StreamingOutputCallRequest()));

    [Fact]
    public Task CustomMetadata_PythonServer_EchoesHeadersAndBinaryTrailers() => ClientInteropCases.CustomMetadata(Channel);

    [Fact]
    public async Task StatusCodeAndMessage_PythonServer_PropagatesExactly()
    {
        var error = await ClientInteropCases.EchoStatus(Channel, 2, "test status message");
        Assert.Equal(new Status(StatusCode.Unknown, "test status message"), error.Status);
    }

    [Fact]
    public async Task SpecialStatusMessage_PythonServer_RoundTripsPercentEncoding()
    {
        var error = await ClientInteropCases.EchoStatus(Channel, 2, ClientInteropCases.Special);
        Assert.Equal(ClientInteropCases.Special, error.Status.Detail);
    }

    [Fact]
    public async Task UnimplementedMethod_PythonServer_Unimplemented()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryAsync<Empty, Empty>(M.UnimplementedCall, new Empty()));
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task UnimplementedService_PythonServer_Unimplemented()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryAsync<Empty, Empty>(M.UnimplementedServiceCall, new Empty()));
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public Task CancelAfterFirstResponse_PythonServer_Cancelled() => ClientInteropCases.CancelAfterFirstResponse(Channel);

    [Fact]
    public Task TimeoutOnSleepingServer_PythonServer_DeadlineExceeded() => ClientInteropCases.TimeoutOnSleepingServer(Channel);

    [Fact]
    public Task ConcurrentLargeUnary_PythonServer_AllSucceed() => ClientInteropCases.ConcurrentLargeUnary(Channel, 200);
}
