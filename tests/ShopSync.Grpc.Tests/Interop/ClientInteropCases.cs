using Google.Protobuf;
using Grpc.Testing;
using ShopSync.Grpc.Client;
using M = ShopSync.Grpc.Tests.Interop.TestServiceMethods;

namespace ShopSync.Grpc.Tests.Interop;

/// <summary>The interop cases (grpc-wire.md §2) as our client runs them; shared by the python-server and self tests.</summary>
internal static class ClientInteropCases
{
    public const string Special = "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001F608\t\n";

    private static CallOptions Within30s => new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task EmptyUnary(GrpcChannel channel)
    {
        var response = await channel.UnaryAsync<Empty, Empty>(M.EmptyCall, new Empty(), Within30s);
        Assert.Equal(new Empty(), response);
    }

    public static async Task LargeUnary(GrpcChannel channel, string? compression = null)
    {
        var response = await channel.UnaryAsync<SimpleRequest, SimpleResponse>(M.UnaryCall, LargeRequest(), Within30s with { WriteCompression = compression });
        Assert.Equal(314159, response.Payload.Body.Length);
    }

    public static async Task ServerCompressedUnary(GrpcChannel channel)
    {
        foreach (var compressed in new[] { true, false })
        {
            var request = LargeRequest();
            request.ResponseCompressed = new BoolValue { Value = compressed };
            var response = await channel.UnaryAsync<SimpleRequest, SimpleResponse>(M.UnaryCall, request, Within30s);
            Assert.Equal(314159, response.Payload.Body.Length);
        }
    }

    public static async Task<List<int>> StreamSizes(GrpcChannel channel, StreamingOutputCallRequest request)
    {
        using var call = channel.ServerStreaming<StreamingOutputCallRequest, StreamingOutputCallResponse>(M.StreamingOutputCall, request, Within30s);
        var sizes = new List<int>();
        await foreach (var response in call)
        {
            sizes.Add(response.Payload.Body.Length);
        }
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        return sizes;
    }

    public static async Task CustomMetadata(GrpcChannel channel)
    {
        var headers = new Metadata().Add("x-grpc-test-echo-initial", "test_initial_metadata_value").Add("x-grpc-test-echo-trailing-bin", [0xab, 0xab, 0xab]);
        var result = await channel.UnaryCallAsync<SimpleRequest, SimpleResponse>(M.UnaryCall, LargeRequest(), Within30s with { Headers = headers });
        Assert.Equal("test_initial_metadata_value", result.ResponseHeaders.GetValue("x-grpc-test-echo-initial"));
        Assert.Equal([0xab, 0xab, 0xab], result.Trailers.GetValueBytes("x-grpc-test-echo-trailing-bin"));

        var request = new StreamingOutputCallRequest { ResponseParameters = { new ResponseParameters { Size = 314159 } } };
        using var call = channel.ServerStreaming<StreamingOutputCallRequest, StreamingOutputCallResponse>(M.StreamingOutputCall, request, Within30s with { Headers = headers });
        Assert.Equal("test_initial_metadata_value", (await call.ResponseHeadersAsync).GetValue("x-grpc-test-echo-initial"));
        await foreach (var response in call)
        {
            Assert.Equal(314159, response.Payload.Body.Length);
        }
        Assert.Equal([0xab, 0xab, 0xab], call.GetTrailers().GetValueBytes("x-grpc-test-echo-trailing-bin"));
    }

    public static async Task<RpcException> EchoStatus(GrpcChannel channel, int code, string message)
    {
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = code, Message = message } };
        return await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync<SimpleRequest, SimpleResponse>(M.UnaryCall, request, Within30s));
    }

    public static async Task CancelAfterFirstResponse(GrpcChannel channel)
    {
        var request = new StreamingOutputCallRequest
        {
            ResponseParameters = { new ResponseParameters { Size = 31415 }, new ResponseParameters { Size = 9, IntervalUs = 20_000_000 } },
        };
        using var call = channel.ServerStreaming<StreamingOutputCallRequest, StreamingOutputCallResponse>(M.StreamingOutputCall, request, Within30s);
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var response in call)
            {
                Assert.Equal(31415, response.Payload.Body.Length);
                call.Cancel();
            }
        });
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    public static async Task TimeoutOnSleepingServer(GrpcChannel channel)
    {
        var request = new StreamingOutputCallRequest { ResponseParameters = { new ResponseParameters { Size = 27182, IntervalUs = 20_000_000 } } };
        using var call = channel.ServerStreaming<StreamingOutputCallRequest, StreamingOutputCallResponse>(M.StreamingOutputCall, request, new CallOptions { Timeout = TimeSpan.FromMilliseconds(1) });
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var unused in call)
            {
            }
        });
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    public static async Task ConcurrentLargeUnary(GrpcChannel channel, int calls)
    {
        var tasks = new List<Task<SimpleResponse>>(calls);
        for (var i = 0; i < calls; i++)
        {
            tasks.Add(channel.UnaryAsync<SimpleRequest, SimpleResponse>(M.UnaryCall, LargeRequest(), new CallOptions { Timeout = TimeSpan.FromMinutes(2) }));
        }
        foreach (var response in await Task.WhenAll(tasks))
        {
            Assert.Equal(314159, response.Payload.Body.Length);
        }
    }

    public static SimpleRequest LargeRequest() => new()
    {
        ResponseSize = 314159,
        Payload = new Payload { Body = ByteString.CopyFrom(new byte[271828]) },
    };
}
