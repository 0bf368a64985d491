using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using ShopSync.Client;
using ShopSync.Contracts.V1;

namespace ShopSync.Cli.Tests.Client;

public sealed class ShopSyncClientTests : IAsyncLifetime
{
    private static readonly ShopSyncRetryPolicy FastRetry = new() { MaxAttempts = 4, InitialBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(5) };
    private FakeServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetJobAsync_UnavailableTwice_RetriesAndSucceeds()
    {
        _server.Jobs.UnavailableBeforeSuccess = 2;
        using var client = Create();

        var reply = await client.Jobs.GetJobAsync(new GetJobRequest { JobId = "j1" });

        Assert.Equal("j1", reply.Job.Id);
        Assert.Equal(3, _server.Jobs.GetJobCalls);
    }

    [Fact]
    public async Task GetJobAsync_UnavailableMoreThanThePolicyAllows_ThrowsUnavailable()
    {
        _server.Jobs.UnavailableBeforeSuccess = 100;
        using var client = Create();

        var e = await Assert.ThrowsAsync<RpcException>(() => client.Jobs.GetJobAsync(new GetJobRequest { JobId = "j1" }));

        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
        Assert.Equal(4, _server.Jobs.GetJobCalls);
    }

    [Fact]
    public async Task EnqueueJobAsync_Unavailable_RetriedWithOneRequestId()
    {
        using var client = Create();
        var request = new EnqueueJobRequest { ReportId = 1 };

        var e = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in client.Jobs.EnqueueJobAsync(request))
            {
            }
        });

        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
        Assert.Equal(4, _server.Jobs.EnqueueCalls);
        var ids = _server.Jobs.EnqueueRequestIds.Distinct().ToList();
        var id = Assert.Single(ids);
        Assert.True(Guid.TryParse(id, out _), $"request_id {id} is a UUID");
        Assert.Equal(id, request.RequestId);
    }

    [Fact]
    public async Task EnqueueJobAsync_RequestIdGiven_KeepsIt()
    {
        using var client = Create();
        var request = new EnqueueJobRequest { ReportId = 1, RequestId = "5e1c0a4e-8b5d-4c1e-9a57-2f6d8e0b7c41" };

        await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in client.Jobs.EnqueueJobAsync(request))
            {
            }
        });

        Assert.All(_server.Jobs.EnqueueRequestIds, id => Assert.Equal("5e1c0a4e-8b5d-4c1e-9a57-2f6d8e0b7c41", id));
    }

    [Fact]
    public async Task WatchJobAsync_StreamBreaks_ResumesAfterTheLastEventWithoutGapsOrRepeats()
    {
        using var client = Create();

        var messages = new List<WatchJobResponse>();
        await foreach (var m in client.Jobs.WatchJobAsync(new WatchJobRequest { JobId = "j1" }))
        {
            messages.Add(m);
        }

        Assert.Equal([0L, 3L], _server.Jobs.WatchAfter);
        Assert.Single(messages, m => m.Snapshot is not null);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], messages.Where(m => m.Event is not null).Select(m => m.Event.Sequence));
        Assert.Equal(JobResult.Succeeded, messages[^1].Event.Completed.Result);
    }

    [Fact]
    public async Task Calls_CarryTheUserAndTheCredentialsHook()
    {
        using var client = Create(o =>
        {
            o.User = "erp-operator";
            o.Credentials = ShopSyncCallCredentials.FromDelegate((headers, _) =>
            {
                headers.Add("authorization", "Bearer t0ken");
                return ValueTask.CompletedTask;
            });
        });

        await client.Jobs.GetJobAsync(new GetJobRequest { JobId = "j1" }, new ShopSyncCallOptions { Headers = new Metadata { { "x-trace", "abc" } } });

        var headers = Assert.Single(_server.Jobs.Headers);
        Assert.Equal("erp-operator", headers.GetValue("x-shopsync-user"));
        Assert.Equal("Bearer t0ken", headers.GetValue("authorization"));
        Assert.Equal("abc", headers.GetValue("x-trace"));
    }

    [Fact]
    public async Task Calls_DefaultTimeout_IsSentAsTheDeadline()
    {
        using var client = Create(o => o.DefaultTimeout = TimeSpan.FromMinutes(5));

        await client.Jobs.GetJobAsync(new GetJobRequest { JobId = "j1" });
        await client.Jobs.GetJobAsync(new GetJobRequest { JobId = "j2" }, new ShopSyncCallOptions { Timeout = TimeSpan.FromHours(2) });

        var deadlines = _server.Jobs.Deadlines.ToArray();
        var now = TimeProvider.System.GetUtcNow();
        Assert.InRange(deadlines[0]!.Value, now + TimeSpan.FromMinutes(3), now + TimeSpan.FromMinutes(5));
        Assert.InRange(deadlines[1]!.Value, now + TimeSpan.FromMinutes(110), now + TimeSpan.FromHours(2));
    }

    [Fact]
    public async Task Calls_PerCallTimeoutPasses_FailWithDeadlineExceeded()
    {
        using var client = Create();

        var e = await Assert.ThrowsAsync<RpcException>(() =>
            client.Jobs.ListJobsAsync(new ListJobsRequest(), new ShopSyncCallOptions { Timeout = TimeSpan.FromMilliseconds(200) }));

        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        await _server.Jobs.HangingCallCancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Calls_Cancelled_ThrowOperationCanceledAndCancelTheServerCall()
    {
        using var client = Create();
        using var cancel = new CancellationTokenSource();

        var call = client.Jobs.ListJobsAsync(new ListJobsRequest(), cancellationToken: cancel.Token);
        await _server.Jobs.HangingCallStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await _server.Jobs.HangingCallCancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AddShopSyncClient_RegistersTheTypedClientsOnOneChannel()
    {
        var services = new ServiceCollection();
        services.AddSingleton(ShopSyncCallCredentials.BearerToken("from-di"));
        services.AddShopSyncClient(o =>
        {
            o.Address = _server.Address;
            o.Retry = FastRetry;
        });
        await using var provider = services.BuildServiceProvider();

        var health = await provider.GetRequiredService<ShopSyncHealthClient>().CheckAsync(new HealthCheckRequest());
        await provider.GetRequiredService<JobQueueClient>().GetJobAsync(new GetJobRequest { JobId = "j1" });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Same(provider.GetRequiredService<ShopSyncClient>().Jobs, provider.GetRequiredService<JobQueueClient>());
        Assert.Equal("Bearer from-di", Assert.Single(_server.Jobs.Headers).GetValue("authorization"));
    }

    [Fact]
    public async Task ScheduleClient_ServiceMissing_ReportsUnimplemented()
    {
        using var client = Create();

        var e = await Assert.ThrowsAsync<RpcException>(() => client.Schedules.GetScheduleAsync(new GetScheduleRequest { ScheduleId = "s" }));

        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
    }

    private ShopSyncClient Create(Action<ShopSyncClientOptions>? configure = null)
    {
        var options = new ShopSyncClientOptions { Address = _server.Address, Retry = FastRetry };
        configure?.Invoke(options);
        return ShopSyncClient.Create(options);
    }
}
