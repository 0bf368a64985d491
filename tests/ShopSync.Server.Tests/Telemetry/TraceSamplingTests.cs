using System.Diagnostics;
using Grpc.Core;
using OpenTelemetry.Trace;
using ShopSync.Contracts.V1;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Telemetry;
using ShopSync.Server.Telemetry;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Telemetry;

/// <summary>
/// The server's sampler: a caller's decision is followed, an attempt is recorded exactly when its enqueue was, and
/// other roots by the configured ratio. Through the real server with the in-memory exporter.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class TraceSamplingTests
{
    private const string SampledTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string UnsampledTraceId = "5c0a3f4688c45eb7b4df03ae1f1f5847";

    [Fact]
    public async Task Enqueue_CallerSampledAndRatioZero_RecordsTheEnqueueAndItsAttempt()
    {
        var exported = new List<Activity>();
        await using var server = await StartAsync(exported, ratio: 0);

        var jobId = await EnqueueAsync(server, "SAMPLED", $"00-{SampledTraceId}-00f067aa0ba902b7-01");
        await server.Api.WaitForStatusAsync(jobId, JobStatus.Finished);

        var run = await Eventually.ReturnsAsync(
            () => Task.FromResult(Snapshot(exported).SingleOrDefault(a => a.Kind == ActivityKind.Consumer && Tag(a) == jobId)),
            found => found is not null, "the attempt span");
        var enqueue = Snapshot(exported).Single(a => a.Kind == ActivityKind.Producer && a.DisplayName == "send SAMPLED");
        Assert.Equal(SampledTraceId, enqueue.TraceId.ToHexString());
        Assert.Equal(enqueue.SpanId, Assert.Single(run!.Links).Context.SpanId);
    }

    [Fact]
    public async Task Enqueue_CallerUnsampledAndRatioOne_RecordsNothingOfIt()
    {
        var exported = new List<Activity>();
        await using var server = await StartAsync(exported, ratio: 1);

        var jobId = await EnqueueAsync(server, "UNSAMPLED", $"00-{UnsampledTraceId}-00f067aa0ba902b7-00");
        await server.Api.WaitForStatusAsync(jobId, JobStatus.Finished);
        // A later, sampled entry in the same category: once its attempt is exported, the first one's would have been.
        var later = await EnqueueAsync(server, "UNSAMPLED", traceParent: null);
        await server.Api.WaitForStatusAsync(later, JobStatus.Finished);
        await Eventually.ReturnsAsync(
            () => Task.FromResult(Snapshot(exported).Any(a => a.Kind == ActivityKind.Consumer && Tag(a) == later)),
            found => found, "the later entry's attempt span");

        Assert.DoesNotContain(Snapshot(exported), a => a.TraceId.ToHexString() == UnsampledTraceId);
        Assert.DoesNotContain(Snapshot(exported), a => Tag(a) == jobId);
        var stored = await server.Services.GetRequiredService<IJobQueue>().GetAsync(Guid.Parse(jobId), CancellationToken.None);
        Assert.Equal(UnsampledTraceId, stored!.TraceId);
    }

    [Fact]
    public async Task Enqueue_NoTraceParentAndRatioZero_RecordsNoSpanAndStillStoresATraceId()
    {
        var exported = new List<Activity>();
        await using var server = await StartAsync(exported, ratio: 0);

        var jobId = await EnqueueAsync(server, "ROOTS", traceParent: null);
        await server.Api.WaitForStatusAsync(jobId, JobStatus.Finished);

        Assert.DoesNotContain(Snapshot(exported), a => a.DisplayName == "send ROOTS" || Tag(a) == jobId);
        var stored = await server.Services.GetRequiredService<IJobQueue>().GetAsync(Guid.Parse(jobId), CancellationToken.None);
        Assert.Matches("^[0-9a-f]{32}$", stored!.TraceId);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("often")]
    public void From_RatioOutOfRange_NamesTheSetting(string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [TraceSampling.RatioKey] = value }).Build();

        var error = Assert.Throws<ArgumentException>(() => TraceSampling.From(configuration));

        Assert.Contains("Telemetry:TraceSampleRatio", error.Message);
        Assert.Contains(value, error.Message);
    }

    [Fact]
    public void From_NotSet_SamplesOneTraceInTen()
    {
        var sampling = TraceSampling.From(new ConfigurationBuilder().Build());

        Assert.Equal(0.1, sampling.Ratio);
    }

    private static Task<InProcessServer> StartAsync(List<Activity> exported, double ratio) =>
        InProcessServer.StartAsync((services, _) => services.AddOpenTelemetry().WithTracing(tracing => tracing
            .SetSampler(new TraceSampling(ratio))
            .AddSource(QueueTelemetry.Name)
            .AddAspNetCoreInstrumentation()
            .AddInMemoryExporter(exported)));

    private static async Task<string> EnqueueAsync(InProcessServer server, string category, string? traceParent)
    {
        var client = new JobQueueService.JobQueueServiceClient(server.Api.Channel.Invoker);
        var request = Requests.Diagnostics(category: category);
        request.Mode = RunMode.Background;
        var headers = new Metadata();
        if (traceParent is not null)
        {
            headers.Add("traceparent", traceParent);
        }

        using var call = client.EnqueueJob(request, headers);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return call.ResponseStream.Current.Event.JobId;
    }

    private static string? Tag(Activity activity) => (string?)activity.GetTagItem("messaging.message.id");

    private static List<Activity> Snapshot(List<Activity> exported)
    {
        lock (exported)
        {
            return [.. exported];
        }
    }
}
