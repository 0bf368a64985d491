using Google.Protobuf;
using Grpc.Testing;
using ShopSync.Grpc.Tests.Infrastructure;
using ShopSync.Grpc.Tests.Interop;

namespace ShopSync.Grpc.Tests.Wire;

/// <summary>Malformed requests get the status grpc-wire.md names, and the server goes on serving.</summary>
public sealed class BadBytesTests
{
    private const string UnaryPath = "/grpc.testing.TestService/UnaryCall";

    public static TheoryData<string, byte[], string, string> Cases()
    {
        var valid = new SimpleRequest { ResponseSize = 1 }.ToByteArray();
        var validFrame = RawGrpcClient.Frame(0, (uint)valid.Length, valid);
        return new TheoryData<string, byte[], string, string>
        {
            { "truncated prefix", [0, 0, 0], "", "13" },
            { "truncated message", RawGrpcClient.Frame(0, 10, 1, 2), "", "13" },
            { "length over the limit", RawGrpcClient.Frame(0, 5 * 1024 * 1024, 1, 2, 3), "", "8" },
            { "compressed flag without grpc-encoding", RawGrpcClient.Frame(1, (uint)valid.Length, valid), "", "13" },
            { "invalid flag", RawGrpcClient.Frame(2, (uint)valid.Length, valid), "", "13" },
            { "gzip flag with garbage", RawGrpcClient.Frame(1, 3, 1, 2, 3), "gzip", "13" },
            { "garbage protobuf", RawGrpcClient.Frame(0, 3, 0xff, 0xff, 0xff), "", "13" },
            { "two messages in a unary call", [.. validFrame, .. validFrame], "", "12" },
            { "no message in a unary call", [], "", "12" },
            { "unknown grpc-encoding", validFrame, "snappy", "12" },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task UnaryCall_BadRequestBytes_GetsChecklistStatusAndServerKeepsServing(string name, byte[] body, string encoding, string expectedStatus)
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var raw = new RawGrpcClient(server.Address);
        var headers = encoding.Length > 0 ? new Dictionary<string, string> { ["grpc-encoding"] = encoding } : null;

        var response = await raw.SendAsync(UnaryPath, body, headers: headers);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.HttpStatus);
        Assert.True(expectedStatus == response.GrpcStatus, $"{name}: grpc-status {response.GrpcStatus} ({response.GrpcMessage}), expected {expectedStatus}");
        Assert.True(response.TrailersOnly, $"{name}: expected a Trailers-Only response");
        if (encoding == "snappy")
        {
            Assert.Equal("identity,gzip,deflate", RawGrpcClient.RawResponse.Value(response.Headers, "grpc-accept-encoding"));
        }
        using var channel = server.CreateChannel();
        await ClientInteropCases.EmptyUnary(channel);
    }

    [Fact]
    public async Task UnaryCall_WrongContentType_Http415()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var raw = new RawGrpcClient(server.Address);

        var response = await raw.SendAsync(UnaryPath, [0, 0, 0, 0, 0], contentType: "application/json");

        Assert.Equal(System.Net.HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
    }

    [Theory]
    [InlineData("/grpc.testing.TestService/NoSuchMethod", "Method is unimplemented.")]
    [InlineData("/grpc.testing.TestService/unarycall", "Method is unimplemented.")]
    [InlineData("/no.such.Service/Call", "Service is unimplemented.")]
    public async Task UnknownPath_AnyBody_TrailersOnlyUnimplemented(string path, string message)
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var raw = new RawGrpcClient(server.Address);

        var response = await raw.SendAsync(path, RawGrpcClient.Frame(0, 0));

        Assert.Equal("12", response.GrpcStatus);
        Assert.Equal(message, response.GrpcMessage);
        Assert.True(response.TrailersOnly);
    }

    [Fact]
    public async Task UnaryCall_ValidRequest_HeadersMessageThenTrailersWithStatusZero()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var raw = new RawGrpcClient(server.Address);
        var request = new SimpleRequest { ResponseSize = 3 }.ToByteArray();

        var response = await raw.SendAsync(UnaryPath, RawGrpcClient.Frame(0, (uint)request.Length, request));

        Assert.Null(RawGrpcClient.RawResponse.Value(response.Headers, "grpc-status"));
        Assert.Equal("0", RawGrpcClient.RawResponse.Value(response.Trailers, "grpc-status"));
        var expected = new SimpleResponse { Payload = new Payload { Body = ByteString.CopyFrom(new byte[3]) } }.ToByteArray();
        Assert.Equal(RawGrpcClient.Frame(0, (uint)expected.Length, expected), response.Body);
    }
}
