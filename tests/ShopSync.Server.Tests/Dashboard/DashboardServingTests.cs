using System.Net;
using ShopSync.Contracts.V1;
using ShopSync.Server.Access;
using ShopSync.Server.Tests.Access;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Dashboard;

/// <summary>
/// The dashboard on the web endpoint of the real server: its files with caching and security headers, deep links,
/// the origin check on gRPC-Web (same origin answers, another origin is refused, no CORS grant), and the new RPCs
/// over gRPC-Web as the browser calls them.
/// </summary>
public sealed class DashboardServingTests(DashboardServingTests.Site site) : IClassFixture<DashboardServingTests.Site>
{
    private const string Index = "<!doctype html><title>ShopSync</title><script type=\"module\" src=\"/assets/main-XFR6DFVS.js\"></script>";

    [Fact]
    public async Task Get_Root_ServesIndexWithStrictSecurityHeaders()
    {
        using var response = await site.Http.GetAsync(site.Web);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Index, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Fact]
    public async Task Get_OidcSettingsWithoutOidc_EmptyAndTheCspNamesNoProvider()
    {
        using var answer = await site.Http.GetAsync(new Uri(site.Web, "_shopsync/oidc"));
        using var page = await site.Http.GetAsync(site.Web);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("{}", await answer.Content.ReadAsStringAsync());
        var csp = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("connect-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self';", csp, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("entries/0b6f5e1c-8a5e-4f8e-9a55-5f1d8a1c2b3d")]
    [InlineData("schedules")]
    public async Task Get_DeepLink_ServesIndex(string path)
    {
        using var response = await site.Http.GetAsync(new Uri(site.Web, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Index, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_HashedAsset_CachedImmutably()
    {
        using var response = await site.Http.GetAsync(new Uri(site.Web, "assets/main-XFR6DFVS.js"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("assets/missing-ABCDEFGH.js")]
    [InlineData("shopsync.v1.JobQueueService/ListJobs")]
    public async Task Get_MissingFileOrGrpcMethod_NotThePage(string path)
    {
        using var response = await site.Http.GetAsync(new Uri(site.Web, path));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(Index, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_OnGrpcEndpoint_NoDashboard()
    {
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await http.GetAsync(site.Server.Address);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GrpcWeb_SameOrigin_AnswersListCategories()
    {
        var call = await GrpcWebCall.SendAsync(site.Http, site.Web, "shopsync.v1.JobQueueService/ListCategories", new ListCategoriesRequest(), site.Origin);

        Assert.Equal(0, call.Status);
        Assert.NotNull(call.Decode(ListCategoriesResponse.Parser));
        Assert.False(call.Http.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("null")]
    [InlineData("http://127.0.0.1:1")]
    public async Task GrpcWeb_OtherOrigin_PermissionDeniedWithoutCors(string origin)
    {
        var call = await GrpcWebCall.SendAsync(
            site.Http, site.Web, "shopsync.v1.JobQueueService/BulkUpdateJobs",
            new BulkUpdateJobsRequest { Action = BulkAction.Delete, Filter = new JobFilter() }, origin);

        Assert.Equal(7, call.Status);
        Assert.Contains("cross-site", call.Message, StringComparison.Ordinal);
        Assert.Null(call.Payload);
        Assert.DoesNotContain(call.Http.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task GrpcWeb_RebindedHostOnLoopback_PermissionDenied()
    {
        // A page at http://rebind.example:PORT whose name now resolves to 127.0.0.1: its Origin matches its Host.
        var host = $"rebind.example:{site.Web.Port}";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(site.Web, "shopsync.v1.JobQueueService/ListCategories"))
        {
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Headers.Host = host;
        request.Headers.Add("Origin", "http://" + host);
        request.Content.Headers.ContentType = new("application/grpc-web+proto");

        using var response = await site.Http.SendAsync(request);

        Assert.Equal("7", Assert.Single(response.Headers.GetValues("grpc-status")));
    }

    [Fact]
    public async Task Preflight_OtherOrigin_RefusedWithoutCors()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(site.Web, "shopsync.v1.JobQueueService/ListJobs"));
        request.Headers.Add("Origin", "http://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-grpc-web");

        using var response = await site.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task GrpcWeb_ListJobsTextAndBulkDryRun_AnswerAsOverGrpc()
    {
        var job = DashboardRpcTests.Later(Requests.Diagnostics(steps: 0));
        job.Description = "grpc-web search target";
        var id = await site.Server.Api.EnqueueBackgroundAsync(job);

        var listed = await GrpcWebCall.SendAsync(site.Http, site.Web, "shopsync.v1.JobQueueService/ListJobs", new ListJobsRequest { Text = "WEB SEARCH" }, site.Origin);
        var bulk = await GrpcWebCall.SendAsync(
            site.Http, site.Web, "shopsync.v1.JobQueueService/BulkUpdateJobs",
            new BulkUpdateJobsRequest { Action = BulkAction.Hold, Filter = new JobFilter { Text = "web search" }, DryRun = true }, site.Origin);
        var bad = await GrpcWebCall.SendAsync(
            site.Http, site.Web, "shopsync.v1.JobQueueService/BulkUpdateJobs", new BulkUpdateJobsRequest { Action = BulkAction.Hold }, site.Origin);

        Assert.Equal([id], listed.Decode(ListJobsResponse.Parser).Jobs.Select(j => j.Id));
        Assert.Equal((1, true), (bulk.Decode(BulkUpdateJobsResponse.Parser).Matched, bulk.Decode(BulkUpdateJobsResponse.Parser).DryRun));
        Assert.Equal(3, bad.Status);
        Assert.StartsWith("selection:", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrpcWeb_ViewerKeyBulkUpdate_PermissionDenied()
    {
        var key = await site.Server.CreateKeyAsync("web-viewer-" + Guid.NewGuid().ToString("N")[..8], Roles.Viewer);

        var call = await GrpcWebCall.SendAsync(
            site.Http, site.Web, "shopsync.v1.JobQueueService/BulkUpdateJobs",
            new BulkUpdateJobsRequest { Action = BulkAction.Hold, Filter = new JobFilter(), DryRun = true }, site.Origin, key);

        Assert.Equal(7, call.Status);
        Assert.Contains("jobs.control", call.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_RootWithoutBuiltDashboard_SaysHowToBuildIt()
    {
        using var empty = new TempDirectory("shopsync-dashboard-missing");
        var port = FreePort.Next();
        await using var server = await InProcessServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["WebUrls"] = $"http://127.0.0.1:{port}",
            ["Dashboard:Root"] = empty.File("wwwroot"),
        });
        using var http = new HttpClient();

        using var root = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
        using var deep = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/entries/x"));

        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Equal("text/plain", root.Content.Headers.ContentType?.MediaType);
        Assert.Contains("dashboard was not built", await root.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("docs/dashboard.md", await deep.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>One server for the class: a web endpoint on a free port and a fake bundle as the dashboard's root.</summary>
    public sealed class Site : IAsyncLifetime
    {
        private readonly TempDirectory _root = new("shopsync-dashboard-site");

        internal InProcessServer Server { get; private set; } = null!;

        internal Uri Web { get; private set; } = null!;

        internal string Origin => $"http://127.0.0.1:{Web.Port}";

        internal HttpClient Http { get; } = new();

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(_root.File("assets"));
            await File.WriteAllTextAsync(_root.File("index.html"), Index);
            await File.WriteAllTextAsync(Path.Combine(_root.File("assets"), "main-XFR6DFVS.js"), "export {};\n");
            var port = FreePort.Next();
            Web = new Uri($"http://127.0.0.1:{port}/");
            Server = await InProcessServer.StartAsync(settings: new Dictionary<string, string?>
            {
                ["WebUrls"] = $"http://127.0.0.1:{port}",
                ["Dashboard:Root"] = _root.Path,
            });
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            await Server.DisposeAsync();
            _root.Dispose();
        }
    }
}
