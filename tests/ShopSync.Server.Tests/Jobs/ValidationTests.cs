using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;

namespace ShopSync.Server.Tests.Jobs;

/// <summary>Bad input gets the right status and a message (and BadRequest detail) naming the field.</summary>
public sealed class ValidationTests
{
    [Fact]
    public async Task EnqueueJob_UnknownReport_InvalidArgumentNamingReportIdAndListingKnownReports()
    {
        await using var server = await InProcessServer.StartAsync();
        var request = Requests.Diagnostics();
        request.ReportId = 4242;

        var error = await EnqueueFailsAsync(server, request);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("report_id", error.Status.Detail);
        Assert.Contains("4242", error.Status.Detail);
        Assert.Contains("90001", error.Status.Detail);
        Assert.Contains("Diagnostics", error.Status.Detail);
        Assert.Equal("report_id", Violation(error));
    }

    [Fact]
    public async Task EnqueueJobs_UnknownReportInSecondJob_InvalidArgumentNamingItsIndex()
    {
        await using var server = await InProcessServer.StartAsync();
        var unknown = Requests.Diagnostics();
        unknown.ReportId = 4242;

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Api.JobsAsync<EnqueueJobsRequest, EnqueueJobsResponse>(
            "EnqueueJobs", new EnqueueJobsRequest { Jobs = { Requests.Diagnostics(), unknown } }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("jobs[1].report_id", Violation(error));
        Assert.Contains("90001", error.Status.Detail);
    }

    [Theory]
    [InlineData(11, 0, "max_attempts")]
    [InlineData(0, 3601, "rerun_delay")]
    public async Task EnqueueJob_OutOfRangeRetrySetting_InvalidArgumentNamingTheField(int maxAttempts, int rerunDelaySeconds, string field)
    {
        await using var server = await InProcessServer.StartAsync();
        var request = Requests.Diagnostics(maxAttempts: maxAttempts);
        request.RerunDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(rerunDelaySeconds));

        var error = await EnqueueFailsAsync(server, request);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.Status.Detail);
        Assert.Equal(field, Violation(error));
    }

    [Fact]
    public async Task EnqueueJob_UnknownShop_NotFoundNamingTheShop()
    {
        await using var server = await InProcessServer.StartAsync();

        var error = await EnqueueFailsAsync(server, Requests.Diagnostics(shop: "ghost"));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("ghost", error.Status.Detail);
        Assert.Contains("shop_code", error.Status.Detail);
    }

    [Fact]
    public async Task EnqueueJobs_BadEntry_InvalidArgumentNamingItsIndex()
    {
        await using var server = await InProcessServer.StartAsync();
        var request = new EnqueueJobsRequest { Jobs = { Requests.Diagnostics(), Requests.Diagnostics(maxAttempts: 11) } };

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Api.JobsAsync<EnqueueJobsRequest, EnqueueJobsResponse>("EnqueueJobs", request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("jobs[1].max_attempts", Violation(error));
        var none = await server.Api.JobsAsync<ListJobsRequest, ListJobsResponse>("ListJobs", new ListJobsRequest());
        Assert.Empty(none.Jobs);
    }

    [Fact]
    public async Task EnqueueJobs_InvalidTimestampInSecondJob_InvalidArgumentNamingItsIndexAndNothingQueued()
    {
        await using var server = await InProcessServer.StartAsync();
        var bad = Requests.Diagnostics();
        bad.EarliestStart = new Timestamp { Seconds = 1, Nanos = -1 };

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Api.JobsAsync<EnqueueJobsRequest, EnqueueJobsResponse>(
            "EnqueueJobs", new EnqueueJobsRequest { Jobs = { Requests.Diagnostics(), bad } }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("jobs[1].earliest_start", Violation(error));
        Assert.Contains("not a valid timestamp", error.Status.Detail);
        var none = await server.Api.JobsAsync<ListJobsRequest, ListJobsResponse>("ListJobs", new ListJobsRequest());
        Assert.Empty(none.Jobs);
    }

    [Fact]
    public async Task EnqueueJob_InvalidDuration_InvalidArgumentNamingTheFieldWithoutAnIndex()
    {
        await using var server = await InProcessServer.StartAsync();
        var request = Requests.Diagnostics();
        request.Timeout = new Duration { Seconds = 1, Nanos = -1 };

        var error = await EnqueueFailsAsync(server, request);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("timeout", Violation(error));
        Assert.Contains("not a valid duration", error.Status.Detail);
    }

    [Theory]
    [InlineData("not-a-uuid", StatusCode.InvalidArgument)]
    [InlineData("", StatusCode.InvalidArgument)]
    [InlineData("0b6f1c2e-0000-4000-8000-000000000000", StatusCode.NotFound)]
    public async Task GetJob_BadOrUnknownId_RightStatusNamingJobId(string jobId, StatusCode expected)
    {
        await using var server = await InProcessServer.StartAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Api.GetJobAsync(jobId));

        Assert.Equal(expected, error.StatusCode);
        Assert.Contains("job_id", error.Status.Detail);
    }

    [Fact]
    public async Task WatchJob_UnknownId_NotFound()
    {
        await using var server = await InProcessServer.StartAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Api.WatchToEndAsync(Guid.NewGuid().ToString()));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task ListJobs_ForeignPageToken_InvalidArgumentNamingPageToken()
    {
        await using var server = await InProcessServer.StartAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Api.JobsAsync<ListJobsRequest, ListJobsResponse>("ListJobs", new ListJobsRequest { PageToken = "bogus!" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("page_token", error.Status.Detail);
    }

    internal static async Task<RpcException> EnqueueFailsAsync(InProcessServer server, EnqueueJobRequest request) =>
        await Assert.ThrowsAsync<RpcException>(() => server.Api.EnqueueAsync(request));

    internal static string? Violation(RpcException error) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.FirstOrDefault()?.Field;
}
