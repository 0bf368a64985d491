using Google.Protobuf;
using Grpc.Health.V1;
using ShopSync.Contracts.V1;
using ShopSync.Testing.Grpc;

namespace ShopSync.Server.Tests.Interop;

/// <summary>Malformed requests to a real ShopSync method each get a gRPC status, and the server goes on serving.</summary>
[Collection(InteropCollection.Name)]
public sealed class BadBytesTests(InteropServerFixture fixture)
{
    private const string GetJobPath = "/shopsync.v1.JobQueueService/GetJob";

    public static TheoryData<string, byte[], string, string> Cases()
    {
        var valid = new GetJobRequest { JobId = "0b6f0000-0000-4000-8000-000000000000" }.ToByteArray();
        var validFrame = RawGrpcClient.Frame(0, (uint)valid.Length, valid);
        // Expected statuses are grpc-dotnet's: INTERNAL for a broken frame, RESOURCE_EXHAUSTED over the receive limit,
        // UNIMPLEMENTED for a compressed message in an encoding it does not know; and ShopSync's guarded binding:
        // INVALID_ARGUMENT when the message bytes themselves do not decode (protobuf or gzip), where grpc-dotnet
        // answered UNKNOWN (issue 16, defect 8).
        return new TheoryData<string, byte[], string, string>
        {
            { "truncated prefix", [0, 0, 0], "", "13" },
            { "truncated message", RawGrpcClient.Frame(0, 10, 1, 2), "", "13" },
            { "length over the limit", RawGrpcClient.Frame(0, 5 * 1024 * 1024, 1, 2, 3), "", "8" },
            { "compressed flag without grpc-encoding", RawGrpcClient.Frame(1, (uint)valid.Length, valid), "", "13" },
            { "gzip flag with garbage", RawGrpcClient.Frame(1, 3, 1, 2, 3), "gzip", "3" },
            { "garbage protobuf", RawGrpcClient.Frame(0, 3, 0xff, 0xff, 0xff), "", "3" },
            { "two messages in a unary call", [.. validFrame, .. validFrame], "", "13" },
            { "no message in a unary call", [], "", "13" },
            { "compressed in an unknown grpc-encoding", RawGrpcClient.Frame(1, (uint)valid.Length, valid), "snappy", "12" },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task GetJob_BadRequestBytes_GetAStatusAndTheServerKeepsServing(string name, byte[] body, string encoding, string expectedStatus)
    {
        using var raw = new RawGrpcClient(fixture.Server.Address);
        var headers = encoding.Length > 0 ? new Dictionary<string, string> { ["grpc-encoding"] = encoding } : null;

        var response = await raw.SendAsync(GetJobPath, body, headers: headers);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.HttpStatus);
        Assert.True(expectedStatus == response.GrpcStatus, $"{name}: grpc-status {response.GrpcStatus} ({response.GrpcMessage}), expected {expectedStatus}");
        await AssertServingAsync();
    }

    [Theory]
    [InlineData("/shopsync.v1.ShopService/CreateShop", new byte[] { 0x0C })]
    [InlineData("/shopsync.v1.ShopService/UpdateShop", new byte[] { 0x0A, 0x02, 0x9B, 0x06 })]
    [InlineData("/shopsync.v1.ShopService/CreateShop", new byte[] { 0x0A, 0x03, 0x0A, 0x01, 0xFF })]
    public async Task ShopWrite_PayloadThatDoesNotDecode_InvalidArgumentNotUnknown(string path, byte[] payload)
    {
        // An end-group tag without its start, a group cut short, a string that is not UTF-8 (issue 16, defect 8:
        // SkipLastField answered UNKNOWN).
        using var raw = new RawGrpcClient(fixture.Server.Address);

        var response = await raw.SendAsync(path, RawGrpcClient.Frame(0, (uint)payload.Length, payload));

        Assert.True(response.GrpcStatus == "3", $"grpc-status {response.GrpcStatus} ({response.GrpcMessage}), expected 3");
        Assert.StartsWith("The request is not a valid", response.GrpcMessage, StringComparison.Ordinal);
        await AssertServingAsync();
    }

    [Fact]
    public async Task GetJob_WrongContentType_Http415AndTheServerKeepsServing()
    {
        using var raw = new RawGrpcClient(fixture.Server.Address);

        var response = await raw.SendAsync(GetJobPath, [0, 0, 0, 0, 0], contentType: "application/json");

        Assert.Equal(System.Net.HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
        await AssertServingAsync();
    }

    [Theory]
    [InlineData("/shopsync.v1.JobQueueService/NoSuchMethod")]
    [InlineData("/no.such.Service/Call")]
    public async Task UnknownPath_AnyBody_Unimplemented(string path)
    {
        using var raw = new RawGrpcClient(fixture.Server.Address);

        var response = await raw.SendAsync(path, RawGrpcClient.Frame(0, 0));

        Assert.Equal("12", response.GrpcStatus);
        await AssertServingAsync();
    }

    private async Task AssertServingAsync()
    {
        using var channel = fixture.Server.CreateChannel();
        var check = HealthReflection.Descriptor.Services[0].FindMethodByName("Check");
        var reply = await channel.UnaryAsync<HealthCheckRequest, HealthCheckResponse>(check, new HealthCheckRequest(), new TestCallOptions { Timeout = TimeSpan.FromSeconds(30) });
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }
}
