using Google.Protobuf.Reflection;
using ShopSync.Grpc.Client;
using Grpc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ShopSync.Grpc.Server;
using ShopSync.Grpc.Tests.Infrastructure;

namespace ShopSync.Grpc.Tests.Server;

/// <summary>
/// A client's grpc-timeout is a real-time budget. The server measures it on <see cref="GrpcServerOptions.DeadlineClock"/>
/// (the real clock by default), never on the application's clock: ShopSync's demo and end-to-end tests run the
/// application on an accelerated clock, which cut a 30 s deadline to half a second.
/// </summary>
public sealed class DeadlineClockTests
{
    private static readonly MethodDescriptor EmptyCall =
        TestReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("TestService").FindMethodByName("EmptyCall");

    [Fact]
    public async Task Deadline_ApplicationClockJumpsAnHourDuringTheCall_CallStillSucceeds()
    {
        var applicationClock = new FakeTimeProvider();
        await using var server = await GrpcTestServer.StartAsync(
            o => o.Interceptors.Add(new ClockJumpInterceptor(applicationClock)),
            services: s => s.AddSingleton<TimeProvider>(applicationClock));
        using var channel = server.CreateChannel();

        var response = await channel.UnaryAsync<Empty, Empty>(EmptyCall, new Empty(), new CallOptions { Timeout = TimeSpan.FromSeconds(30) });

        Assert.Equal(new Empty(), response);
    }

    [Fact]
    public async Task Deadline_DeadlineClockPassesTheTimeout_CallEndsDeadlineExceeded()
    {
        var deadlineClock = new FakeTimeProvider();
        await using var server = await GrpcTestServer.StartAsync(o =>
        {
            o.DeadlineClock = deadlineClock;
            o.Interceptors.Add(new ClockJumpInterceptor(deadlineClock));
        });
        using var channel = server.CreateChannel();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryAsync<Empty, Empty>(EmptyCall, new Empty(), new CallOptions { Timeout = TimeSpan.FromSeconds(30) }));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    /// <summary>Moves a fake clock an hour forward inside the call, then lets the call go on.</summary>
    private sealed class ClockJumpInterceptor(FakeTimeProvider clock) : IServerInterceptor
    {
        public Task InterceptAsync(ServerCallContext context, ServerCallDelegate next)
        {
            clock.Advance(TimeSpan.FromHours(1));
            return next(context);
        }
    }
}
