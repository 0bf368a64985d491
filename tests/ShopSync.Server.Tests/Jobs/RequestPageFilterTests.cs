using Grpc.Core;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;

namespace ShopSync.Server.Tests.Jobs;

/// <summary>Request-page filters through the server: validation, per-entry filters, (shop, report) defaults.</summary>
public sealed class RequestPageFilterTests
{
    [Fact]
    public async Task EnqueueJob_UnknownFilterField_InvalidArgumentListingValidFieldsWithFieldViolation()
    {
        await using var server = await InProcessServer.StartAsync();

        var error = await ValidationTests.EnqueueFailsAsync(server, Probe(("Colour", "Red")));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("Colour", error.Status.Detail);
        Assert.Contains("No.", error.Status.Detail);
        Assert.Contains("Financial Status", error.Status.Detail);
        Assert.Contains("Created At", error.Status.Detail);
        Assert.Equal("filters[0].field", ValidationTests.Violation(error));
    }

    [Fact]
    public async Task EnqueueJob_MalformedFilterExpression_InvalidArgumentNamingThePosition()
    {
        await using var server = await InProcessServer.StartAsync();

        var error = await ValidationTests.EnqueueFailsAsync(server, Probe(("No.", "1001"), ("Created At", "2024-01-01..2024-13-99")));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("Created At", error.Status.Detail);
        Assert.Contains("position", error.Status.Detail);
        Assert.Equal("filters[1].expression", ValidationTests.Violation(error));
    }

    [Fact]
    public async Task EnqueueJobs_UnknownFilterFieldInSecondJob_FieldViolationNamesTheJobIndex()
    {
        await using var server = await InProcessServer.StartAsync();
        var request = new EnqueueJobsRequest { Jobs = { Probe(("No.", "1")), Probe(("Colour", "Red")) } };

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Api.JobsAsync<EnqueueJobsRequest, EnqueueJobsResponse>("EnqueueJobs", request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("jobs[1].filters[0].field", ValidationTests.Violation(error));
    }

    [Fact]
    public async Task SetRequestPageFilters_OnAnEntry_ReplacesItsFilters()
    {
        await using var server = await InProcessServer.StartAsync();
        var request = Probe(("No.", "1001"));
        request.OnHold = true;
        var id = await server.Api.EnqueueBackgroundAsync(request);

        var set = await server.Api.JobsAsync<SetRequestPageFiltersRequest, SetRequestPageFiltersResponse>(
            "SetRequestPageFilters",
            new SetRequestPageFiltersRequest
            {
                JobId = id,
                Filters = { new RequestPageFilter { Field = "Financial Status", Expression = "Paid|Pending" } },
                Options = { new RequestPageOption { Name = "Only Paid", Value = "true" } },
            });

        Assert.Equal("Financial Status", Assert.Single(set.Filters).Field);
        var job = await server.Api.GetJobAsync(id);
        Assert.Equal(("Financial Status", "Paid|Pending"), (Assert.Single(job.Filters).Field, job.Filters[0].Expression));
        Assert.Equal("Only Paid", Assert.Single(job.Options).Name);
        var read = await server.Api.JobsAsync<GetRequestPageFiltersRequest, GetRequestPageFiltersResponse>(
            "GetRequestPageFilters", new GetRequestPageFiltersRequest { JobId = id });
        Assert.Equal(job.Filters, read.Filters);
    }

    [Fact]
    public async Task SetRequestPageFilters_UnknownFieldOnAnEntry_InvalidArgumentWithFieldViolation()
    {
        await using var server = await InProcessServer.StartAsync();
        var request = Probe();
        request.OnHold = true;
        var id = await server.Api.EnqueueBackgroundAsync(request);

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Api.JobsAsync<SetRequestPageFiltersRequest, SetRequestPageFiltersResponse>(
            "SetRequestPageFilters",
            new SetRequestPageFiltersRequest { JobId = id, Filters = { new RequestPageFilter { Field = "Colour", Expression = "Red" } } }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("filters[0].field", ValidationTests.Violation(error));
    }

    [Fact]
    public async Task EnqueueJob_WithShopReportDefaults_MergesThemUnderTheEntrysOwnFilters()
    {
        await using var server = await InProcessServer.StartAsync();
        await server.Api.CreateShopAsync("defaults-shop");
        await server.Api.JobsAsync<SetRequestPageFiltersRequest, SetRequestPageFiltersResponse>(
            "SetRequestPageFilters",
            new SetRequestPageFiltersRequest
            {
                ShopReport = new ShopReport { ShopCode = "defaults-shop", ReportId = ProbeReportHandler.ReportId },
                Filters =
                {
                    new RequestPageFilter { Field = "Financial Status", Expression = "Paid" },
                    new RequestPageFilter { Field = "Created At", Expression = ">=2024-01-01" },
                },
            });

        var merged = await EnqueueHeldAsync(server, Probe(("Financial Status", "Pending"), ("No.", "1001")), "defaults-shop");
        var ignored = Probe(("No.", "1002"));
        ignored.IgnoreDefaultFilters = true;
        var own = await EnqueueHeldAsync(server, ignored, "defaults-shop");

        var filters = merged.Filters.ToDictionary(f => f.Field, f => f.Expression);
        Assert.Equal("Pending", filters["Financial Status"]);
        Assert.Equal("1001", filters["No."]);
        Assert.Equal(">=2024-01-01", filters["Created At"]);
        Assert.Equal(3, filters.Count);
        Assert.Equal(("No.", "1002"), (Assert.Single(own.Filters).Field, own.Filters[0].Expression));
        var stored = await server.Api.JobsAsync<GetRequestPageFiltersRequest, GetRequestPageFiltersResponse>(
            "GetRequestPageFilters",
            new GetRequestPageFiltersRequest { ShopReport = new ShopReport { ShopCode = "defaults-shop", ReportId = ProbeReportHandler.ReportId } });
        Assert.Equal(2, stored.Filters.Count);
    }

    [Fact]
    public async Task EnqueueJobs_ManyEntriesOfOneShop_EachGetsTheDefaultsUnlessItBringsOrIgnoresThem()
    {
        await using var server = await InProcessServer.StartAsync();
        await server.Api.CreateShopAsync("bulk-shop");
        await server.Api.JobsAsync<SetRequestPageFiltersRequest, SetRequestPageFiltersResponse>(
            "SetRequestPageFilters",
            new SetRequestPageFiltersRequest
            {
                ShopReport = new ShopReport { ShopCode = "bulk-shop", ReportId = ProbeReportHandler.ReportId },
                Filters = { new RequestPageFilter { Field = "Financial Status", Expression = "Paid" } },
            });
        EnqueueJobRequest Held(string shop, bool ignoreDefaults = false, params (string Field, string Expression)[] filters)
        {
            var request = Probe(filters);
            (request.ShopCode, request.OnHold, request.IgnoreDefaultFilters, request.CategoryCode) = (shop, true, ignoreDefaults, "BULK");
            return request;
        }

        var request = new EnqueueJobsRequest
        {
            Jobs =
            {
                Held("bulk-shop"), Held("BULK-SHOP"), Held("bulk-shop", ignoreDefaults: true), Held("bulk-shop", false, ("No.", "7")), Held("bulk-shop"),
            },
        };
        var response = await server.Api.JobsAsync<EnqueueJobsRequest, EnqueueJobsResponse>("EnqueueJobs", request);

        var jobs = new List<Job>();
        foreach (var id in response.JobIds)
        {
            jobs.Add(await server.Api.GetJobAsync(id));
        }
        string Filters(Job job) => string.Join(";", job.Filters.OrderBy(f => f.Field, StringComparer.Ordinal).Select(f => f.Field + "=" + f.Expression));
        Assert.Equal(
            ["Financial Status=Paid", "Financial Status=Paid", "", "Financial Status=Paid;No.=7", "Financial Status=Paid"],
            jobs.Select(Filters));
        Assert.All(jobs, job => Assert.Equal(("bulk-shop", "BULK"), (job.ShopCode, job.CategoryCode)));
    }

    [Fact]
    public async Task SetRequestPageFilters_DefaultsOfUnknownShop_NotFound()
    {
        await using var server = await InProcessServer.StartAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Api.JobsAsync<SetRequestPageFiltersRequest, SetRequestPageFiltersResponse>(
            "SetRequestPageFilters",
            new SetRequestPageFiltersRequest { ShopReport = new ShopReport { ShopCode = "ghost", ReportId = ProbeReportHandler.ReportId } }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("shop_report.shop_code", error.Status.Detail);
    }

    private static async Task<Job> EnqueueHeldAsync(InProcessServer server, EnqueueJobRequest request, string shop)
    {
        request.ShopCode = shop;
        request.OnHold = true;
        return await server.Api.GetJobAsync(await server.Api.EnqueueBackgroundAsync(request));
    }

    private static EnqueueJobRequest Probe(params (string Field, string Expression)[] filters)
    {
        var request = new EnqueueJobRequest { ReportId = ProbeReportHandler.ReportId, Mode = RunMode.Background };
        request.Filters.AddRange(filters.Select(f => new RequestPageFilter { Field = f.Field, Expression = f.Expression }));
        return request;
    }
}
