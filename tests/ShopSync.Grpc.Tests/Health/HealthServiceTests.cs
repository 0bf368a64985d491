using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using ShopSync.Grpc.Client;
using ShopSync.Grpc.Health;
using ShopSync.Grpc.Tests.Infrastructure;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ShopSync.Grpc.Tests.Health;

/// <summary>grpc.health.v1.Health: Check, Watch and shutdown.</summary>
public sealed class HealthServiceTests
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = HealthReflection.Descriptor.Services[0];
    private static readonly CallOptions Within1Min = new() { Timeout = TimeSpan.FromMinutes(1) };

    [Fact]
    public async Task Check_WholeServerAndMappedService_Serving()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();

        foreach (var name in new[] { "", "grpc.testing.TestService" })
        {
            var response = await channel.UnaryAsync<HealthCheckRequest, HealthCheckResponse>(Service.FindMethodByName("Check"), new HealthCheckRequest { Service = name }, Within1Min);
            Assert.Equal(ServingStatus.Serving, response.Status);
        }
    }

    [Fact]
    public async Task Check_UnknownService_NotFound()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync<HealthCheckRequest, HealthCheckResponse>(Service.FindMethodByName("Check"), new HealthCheckRequest { Service = "nope" }, Within1Min));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Watch_UnknownThenRegistered_ServiceUnknownThenServing()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();
        var registry = server.Services.GetRequiredService<GrpcHealthRegistry>();

        using var call = channel.ServerStreaming<HealthCheckRequest, HealthCheckResponse>(Service.FindMethodByName("Watch"), new HealthCheckRequest { Service = "shopsync.Later" }, Within1Min);
        await using var responses = call.GetAsyncEnumerator();
        Assert.True(await responses.MoveNextAsync());
        Assert.Equal(ServingStatus.ServiceUnknown, responses.Current.Status);

        registry.SetStatus("shopsync.Later", ServingStatus.Serving);
        Assert.True(await responses.MoveNextAsync());
        Assert.Equal(ServingStatus.Serving, responses.Current.Status);
        call.Cancel();
    }

    [Fact]
    public async Task Watch_ServerShutsDown_NotServingThenCallEnds()
    {
        var server = await GrpcTestServer.StartAsync();
        using var channel = server.CreateChannel();
        using var call = channel.ServerStreaming<HealthCheckRequest, HealthCheckResponse>(Service.FindMethodByName("Watch"), new HealthCheckRequest(), Within1Min);
        await using var responses = call.GetAsyncEnumerator();
        Assert.True(await responses.MoveNextAsync());
        Assert.Equal(ServingStatus.Serving, responses.Current.Status);

        var stopping = server.StopAsync();
        var seen = new List<ServingStatus>();
        while (await responses.MoveNextAsync())
        {
            seen.Add(responses.Current.Status);
        }
        await stopping;
        await server.DisposeAsync();

        Assert.NotEmpty(seen);
        Assert.All(seen, s => Assert.Equal(ServingStatus.NotServing, s));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }
}
