using ShopSync.Contracts.V1;
using Grpc.Core;
using ShopSync.Server.Tests.Infrastructure;

namespace ShopSync.Server.Tests.Jobs;

/// <summary>Requests past a documented limit are refused cheaply, naming the field and the limit, quoting little of the input.</summary>
public sealed class LimitTests
{
    /// <summary>Room for the field, the limit and a 100-character quote; far below the megabyte inputs below.</summary>
    private const int ShortMessage = 400;

    [Fact]
    public async Task EnqueueJob_HundredThousandFilters_InvalidArgumentNamingFiltersAndTheLimit()
    {
        await using var server = await InProcessServer.StartAsync();
        var request = new EnqueueJobRequest { ReportId = ProbeReportHandler.ReportId, Mode = RunMode.Background };
        request.Filters.AddRange(Enumerable.Range(0, 100_000).Select(i => new RequestPageFilter { Field = "No.", Expression = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

        var error = await ValidationTests.EnqueueFailsAsync(server, request);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("filters", ValidationTests.Violation(error));
        Assert.Contains("at most 100", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnqueueJob_SameFilterFieldTwice_ViolationPointsAtTheRepeat()
    {
        await using var server = await InProcessServer.StartAsync();
        var request = new EnqueueJobRequest { ReportId = ProbeReportHandler.ReportId, Mode = RunMode.Background };
        request.Filters.Add(new RequestPageFilter { Field = "No.", Expression = "1001" });
        request.Filters.Add(new RequestPageFilter { Field = "Created At", Expression = ">=2024-01-01" });
        request.Filters.Add(new RequestPageFilter { Field = "no.", Expression = "1002" });

        var error = await ValidationTests.EnqueueFailsAsync(server, request);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("filters[2].field", ValidationTests.Violation(error));
    }

    [Fact]
    public async Task EnqueueJobs_MoreThanTenThousandJobs_InvalidArgumentNamingJobsAndTheLimit()
    {
        await using var server = await InProcessServer.StartAsync();
        var request = new EnqueueJobsRequest();
        request.Jobs.AddRange(Enumerable.Range(0, 10_001).Select(_ => Requests.Diagnostics()));

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Api.JobsAsync<EnqueueJobsRequest, EnqueueJobsResponse>("EnqueueJobs", request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("jobs", ValidationTests.Violation(error));
        Assert.Contains("at most 10000", error.Status.Detail, StringComparison.Ordinal);
        var listed = await server.Api.JobsAsync<ListJobsRequest, ListJobsResponse>("ListJobs", new ListJobsRequest());
        Assert.Empty(listed.Jobs);
    }

    [Theory]
    [InlineData("shop_code")]
    [InlineData("filter_field")]
    [InlineData("option_value")]
    public async Task EnqueueJob_MegabyteString_InvalidArgumentWithAShortMessage(string where)
    {
        await using var server = await InProcessServer.StartAsync();
        var huge = new string('x', 1 << 20);
        var request = new EnqueueJobRequest { ReportId = ProbeReportHandler.ReportId, Mode = RunMode.Background };
        switch (where)
        {
            case "shop_code":
                request.ShopCode = huge;
                break;
            case "filter_field":
                request.Filters.Add(new RequestPageFilter { Field = huge, Expression = "1" });
                break;
            default:
                request.Options.Add(new RequestPageOption { Name = "Only Paid", Value = huge });
                break;
        }

        var error = await ValidationTests.EnqueueFailsAsync(server, request);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.True(error.Status.Detail.Length < ShortMessage, $"{error.Status.Detail.Length} characters");
        Assert.Contains("at most", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnqueueJob_ShopifyTaskWithoutShop_InvalidArgumentNamingShopCode()
    {
        await using var server = await InProcessServer.StartAsync();

        var error = await ValidationTests.EnqueueFailsAsync(server, new EnqueueJobRequest { ReportId = 30104, Mode = RunMode.Background });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("shop_code", ValidationTests.Violation(error));
        Assert.Contains("is required", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A\u0000B", "control or formatting")]
    [InlineData("ABC\u202E", "control or formatting")]
    [InlineData("ELEVEN-CHAR", "at most 10")]
    public async Task EnqueueJob_BadCategoryCode_InvalidArgumentNamingCategoryCode(string category, string reason)
    {
        await using var server = await InProcessServer.StartAsync();

        var error = await ValidationTests.EnqueueFailsAsync(server, Requests.Diagnostics(category: category));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("category_code", ValidationTests.Violation(error));
        Assert.Contains(reason, error.Status.Detail, StringComparison.Ordinal);
    }
}
