using System.Net;
using System.Text.RegularExpressions;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Telemetry;

/// <summary>The Prometheus scrape endpoint after real runs, on the web endpoint and its own listener, never on the gRPC port.</summary>
public sealed partial class MetricsEndpointTests
{
    [Fact]
    public async Task Scrape_AfterRuns_ShowsQueueCountersWithTheirAttributes()
    {
        var port = FreePort.Next();
        await using var server = await InProcessServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Metrics:Urls"] = $"http://127.0.0.1:{port}",
        });
        var ok = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(category: "MET-OK"));
        var failed = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(category: "MET-FAIL", failAttempts: 1, failMessage: "boom", maxAttempts: 1));
        await server.Api.WaitForStatusAsync(ok, JobStatus.Finished);
        await server.Api.WaitForStatusAsync(failed, JobStatus.Error);
        using var http = new HttpClient { Timeout = TestTimeouts.Call };

        var scrape = await Eventually.ReturnsAsync(
            () => http.GetStringAsync($"http://127.0.0.1:{port}/metrics"),
            text => Value(text, "shopsync_queue_runs_completed_total", "MET-FAIL", "shopsync_result=\"failed\"") >= 1,
            "the failed run in the scrape");

        Assert.True(Value(scrape, "shopsync_queue_entries_enqueued_total", "MET-OK", "shopsync_task=\"90001\"") >= 1, scrape);
        Assert.True(Value(scrape, "shopsync_queue_runs_started_total", "MET-OK", "shopsync_task=\"90001\"") >= 1, scrape);
        Assert.True(Value(scrape, "shopsync_queue_runs_completed_total", "MET-OK", "shopsync_result=\"succeeded\"") >= 1, scrape);
        Assert.True(Value(scrape, "shopsync_queue_entries", "MET-FAIL", "shopsync_status=\"error\"") >= 1, scrape);
        Assert.Contains("shopsync_queue_run_duration_seconds_bucket", scrape, StringComparison.Ordinal);
        Assert.Contains("shopsync_queue_wait_duration_seconds_count", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_OnTheWebEndpoint_IsServed()
    {
        var port = FreePort.Next();
        await using var server = await InProcessServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["WebUrls"] = $"http://127.0.0.1:{port}",
        });
        var ok = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(category: "MET-WEB"));
        await server.Api.WaitForStatusAsync(ok, JobStatus.Finished);
        using var http = new HttpClient { Timeout = TestTimeouts.Call };

        var scrape = await Eventually.ReturnsAsync(
            () => http.GetStringAsync($"http://127.0.0.1:{port}/metrics"),
            text => Value(text, "shopsync_queue_runs_completed_total", "MET-WEB") >= 1,
            "the run in the scrape of the web endpoint");

        Assert.Contains("shopsync_queue_entries_enqueued_total", scrape, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Scrape_OnTheGrpcPort_IsNotServedEvenWithTheMetricsHostHeader(bool forgedHost)
    {
        var port = FreePort.Next();
        await using var server = await InProcessServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Metrics:Urls"] = $"http://127.0.0.1:{port}",
        });
        using var http = new HttpClient { Timeout = TestTimeouts.Call };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, "/metrics"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (forgedHost)
        {
            request.Headers.Host = $"127.0.0.1:{port}";
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Scrape_AfterAWebhookForAnUnknownShop_CountsItByOutcome()
    {
        var port = FreePort.Next();
        await using var server = await InProcessServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Metrics:Urls"] = $"http://127.0.0.1:{port}",
        });
        using var http = new HttpClient { Timeout = TestTimeouts.Call };
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, "/webhooks/shopify/no-such-shop"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new StringContent("{}"),
        };
        using (var answer = await http.SendAsync(post))
        {
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        }

        var scrape = await Eventually.ReturnsAsync(
            () => http.GetStringAsync($"http://127.0.0.1:{port}/metrics"),
            text => Value(text, "shopsync_webhooks_received_total", "shopsync_outcome=\"UnknownShop\"") >= 1,
            "the webhook in the scrape");

        Assert.DoesNotContain("no-such-shop", scrape, StringComparison.Ordinal);
    }

    /// <summary>The sum of a metric's samples whose labels contain every given fragment (other servers in this process add to them).</summary>
    private static double Value(string scrape, string name, params string[] fragments) =>
        scrape.Split('\n')
            .Select(line => Sample().Match(line))
            .Where(m => m.Success && m.Groups["name"].Value == name && fragments.All(f => m.Groups["labels"].Value.Contains(f, StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\{(?<labels>[^}]*)\} (?<value>[0-9.eE+-]+)")]
    private static partial Regex Sample();
}
