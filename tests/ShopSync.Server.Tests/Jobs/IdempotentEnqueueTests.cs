using Google.Rpc;
using Grpc.Core;
using ShopSync.Client;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;

namespace ShopSync.Server.Tests.Jobs;

/// <summary>
/// EnqueueJob and EnqueueJobs with a request_id (AIP-155), through the real server and the typed client: a retry
/// after a lost answer queues nothing twice (issue 16, defect 7).
/// </summary>
public sealed class IdempotentEnqueueTests
{
    [Fact]
    public async Task EnqueueJobs_RetryAfterTheAnswerExceededTheReceiveLimit_SameIdsAndNothingQueuedTwice()
    {
        await using var server = await InProcessServer.StartAsync();
        var request = new EnqueueJobsRequest();
        request.Jobs.AddRange(Enumerable.Range(0, 300).Select(_ => OnHold()));

        // The answer (300 ids, ~12 KB) does not fit the first client's receive limit: the entries are stored, the
        // client learns nothing but RESOURCE_EXHAUSTED (defect 7). The typed client set the request_id first.
        using (var small = Client(server, maxReceiveBytes: 4096))
        {
            var lost = await Assert.ThrowsAsync<RpcException>(() => small.Jobs.EnqueueJobsAsync(request));
            Assert.Equal(StatusCode.ResourceExhausted, lost.StatusCode);
        }
        Assert.True(Guid.TryParse(request.RequestId, out _), "the typed client set a request_id");
        using var client = Client(server);
        var retried = await client.Jobs.EnqueueJobsAsync(request);

        Assert.Equal(300, retried.JobIds.Count);
        Assert.Equal(300, retried.JobIds.Distinct().Count());
        var all = await ListAllAsync(server);
        Assert.Equal(300, all.Count);
        Assert.Equal(retried.JobIds.Order(), all.Order());
    }

    [Fact]
    public async Task EnqueueJob_SameRequestIdTwice_StreamsTheFirstEntryAndQueuesOne()
    {
        await using var server = await InProcessServer.StartAsync();
        var request = OnHold();
        request.RequestId = Guid.NewGuid().ToString("D").ToUpperInvariant();

        var first = Assert.Single(await server.Api.EnqueueAsync(request));
        var again = Assert.Single(await server.Api.EnqueueAsync(request));

        Assert.Equal(first.JobId, again.JobId);
        Assert.Equal(JobEvent.KindOneofCase.Accepted, again.KindCase);
        Assert.Equal(first.Accepted.EntryNo, again.Accepted.EntryNo);
        Assert.Single(await ListAllAsync(server));
    }

    [Fact]
    public async Task EnqueueJob_SameRequestIdOtherRequest_FailedPreconditionNamingRequestId()
    {
        await using var server = await InProcessServer.StartAsync();
        var id = Guid.NewGuid().ToString("D");
        var request = OnHold();
        request.RequestId = id;
        await server.Api.EnqueueAsync(request);
        var other = OnHold();
        other.RequestId = id;
        other.Description = "another request";

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Api.EnqueueAsync(other));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("request_id", error.Status.Detail, StringComparison.Ordinal);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal($"request_id/{id}", violation.Subject);
        Assert.Single(await ListAllAsync(server));
    }

    [Fact]
    public async Task EnqueueJobs_RequestIdOfEnqueueJobReused_FailedPrecondition()
    {
        await using var server = await InProcessServer.StartAsync();
        var single = OnHold();
        single.RequestId = Guid.NewGuid().ToString("D");
        await server.Api.EnqueueAsync(single);
        var bulk = new EnqueueJobsRequest { RequestId = single.RequestId };
        bulk.Jobs.Add(OnHold());

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Api.JobsAsync<EnqueueJobsRequest, EnqueueJobsResponse>("EnqueueJobs", bulk));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Theory]
    [InlineData("not-a-uuid", "request_id")]
    [InlineData("00000000-0000-0000-0000-000000000000", "request_id")]
    public async Task EnqueueJob_MalformedRequestId_InvalidArgumentNamingRequestId(string requestId, string field)
    {
        await using var server = await InProcessServer.StartAsync();
        var request = OnHold();
        request.RequestId = requestId;

        var error = await ValidationTests.EnqueueFailsAsync(server, request);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, ValidationTests.Violation(error));
        Assert.Empty(await ListAllAsync(server));
    }

    [Fact]
    public async Task EnqueueJobs_RequestIdOnAJob_InvalidArgumentNamingIt()
    {
        await using var server = await InProcessServer.StartAsync();
        var bulk = new EnqueueJobsRequest();
        bulk.Jobs.Add(OnHold());
        bulk.Jobs.Add(OnHold());
        bulk.Jobs[1].RequestId = Guid.NewGuid().ToString("D");

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Api.JobsAsync<EnqueueJobsRequest, EnqueueJobsResponse>("EnqueueJobs", bulk));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("jobs[1].request_id", ValidationTests.Violation(error));
    }

    private static EnqueueJobRequest OnHold()
    {
        var request = Requests.Diagnostics();
        request.OnHold = true;
        return request;
    }

    private static ShopSyncClient Client(InProcessServer server, int? maxReceiveBytes = null) => ShopSyncClient.Create(new ShopSyncClientOptions
    {
        Address = server.Address,
        Retry = ShopSyncRetryPolicy.None,
        ConfigureChannel = channel => channel.MaxReceiveMessageSize = maxReceiveBytes ?? channel.MaxReceiveMessageSize,
    });

    private static async Task<List<string>> ListAllAsync(InProcessServer server)
    {
        var ids = new List<string>();
        var token = "";
        do
        {
            var page = await server.Api.JobsAsync<ListJobsRequest, ListJobsResponse>("ListJobs", new ListJobsRequest { PageSize = 500, PageToken = token });
            ids.AddRange(page.Jobs.Select(j => j.Id));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return ids;
    }
}
