using System.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using ShopSync.Contracts.V1;
using ShopSync.Queue.Controls;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Testing;
using ShopSync.Testing.Grpc;

namespace ShopSync.Server.Tests.Jobs;

/// <summary>
/// A stream whose deadline passes while its handler still reads the store. grpc-dotnet then ends the response
/// before it cancels the call's token, so the handler's next write (here: the headers WatchJobs sends once its
/// position is fixed) is refused with InvalidOperationException. That is the call ending, not a handler fault:
/// the caller gets DEADLINE_EXCEEDED and the server logs no error (the dispose check fails the test otherwise).
/// </summary>
public sealed class StreamDeadlineTests
{
    private static readonly TimeSpan SlowRead = TimeSpan.FromMilliseconds(800);

    [Fact]
    public async Task WatchJobs_DeadlinePassesWhileThePositionIsRead_DeadlineExceededAndNoErrorLog()
    {
        // grpc-dotnet's per-call lines are off by default; the test reads how the handler ended from them.
        await using var server = await InProcessServer.StartAsync(
            (services, _) => SlowEventLogHead.Install(services, SlowRead),
            new Dictionary<string, string?> { ["Logging:LogLevel:Grpc.AspNetCore"] = "Information" });
        // The server's deadline must fire first: a client whose own deadline fires first resets the stream instead.
        using var channel = TestChannel.ForAddress(server.Address, new GrpcChannelOptions
        {
            HttpHandler = new ServerDeadline(TimeSpan.FromMilliseconds(200)),
        });
        using var call = channel.ServerStreaming<WatchJobsRequest, WatchJobsResponse>(
            ServerApi.JobMethod("WatchJobs"), new WatchJobsRequest(), new TestCallOptions { Timeout = TimeSpan.FromSeconds(30) });

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in call)
            {
            }
        });
        // The handler resumes after the read and meets the ended response: wait for grpc-dotnet to log how it ended.
        await Eventually.TrueAsync(() => HandlerEnd(server) is not null, "the handler's end");

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal("ServiceMethodCanceled", HandlerEnd(server));
    }

    /// <summary>Sends a shorter grpc-timeout than the call's own deadline, so only the server's deadline fires.</summary>
    private sealed class ServerDeadline(TimeSpan timeout) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove("grpc-timeout");
            request.Headers.TryAddWithoutValidation("grpc-timeout", $"{(long)timeout.TotalMilliseconds}m");
            return base.SendAsync(request, cancellationToken);
        }
    }

    private static string? HandlerEnd(InProcessServer server) => server.Logs.Records
        .Select(r => r.EventId.Name)
        .FirstOrDefault(name => name is "ServiceMethodCanceled" or "ErrorExecutingServiceMethod");

    /// <summary>Replaces the queue with one whose <see cref="IJobQueue.EventLogHeadAsync"/> answers late, ignoring cancellation, as a busy store does.</summary>
    internal class SlowEventLogHead : DispatchProxy
    {
        private IJobQueue _inner = null!;
        private TimeSpan _delay;

        public static void Install(IServiceCollection services, TimeSpan delay)
        {
            var original = services.Single(d => d.ServiceType == typeof(IJobQueue));
            services.Remove(original);
            services.AddSingleton(sp =>
            {
                var proxy = Create<IJobQueue, SlowEventLogHead>();
                var slow = (SlowEventLogHead)(object)proxy;
                slow._inner = (IJobQueue)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!);
                slow._delay = delay;
                return proxy;
            });
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IJobQueue.EventLogHeadAsync))
            {
                return LateAsync();
            }
            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }

        private async Task<string> LateAsync()
        {
            await Task.Delay(_delay, CancellationToken.None);
            return await _inner.EventLogHeadAsync(CancellationToken.None);
        }
    }
}
