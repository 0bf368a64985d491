using System.Diagnostics;
using Grpc.Core;
using OpenTelemetry.Trace;
using ShopSync.Contracts.V1;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Telemetry;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Telemetry;

/// <summary>Traces through the in-memory exporter: request → enqueue span → (link) → attempt span.</summary>
[Collection(TracingCollection.Name)]
public sealed class TracingTests
{
    [Fact]
    public async Task Enqueue_ThroughGrpc_ContinuesTheRequestAndTheAttemptLinksToIt()
    {
        var exported = new List<Activity>();
        await using var server = await StartAsync(exported);

        var jobId = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(category: "TRACED"));
        await server.Api.WaitForStatusAsync(jobId, JobStatus.Finished);

        Activity Span(ActivityKind kind) => Snapshot(exported).Single(a =>
            a.Source.Name == QueueTelemetry.Name && a.Kind == kind && (string?)a.GetTagItem("messaging.message.id") == jobId);
        var attempt = await Eventually.ReturnsAsync(
            () => Task.FromResult(Snapshot(exported).Any(a => a.Kind == ActivityKind.Consumer && (string?)a.GetTagItem("messaging.message.id") == jobId)),
            found => found, "the attempt span");
        var enqueue = Span(ActivityKind.Producer);
        var run = Span(ActivityKind.Consumer);
        var request = Snapshot(exported).Single(a => a.SpanId == enqueue.ParentSpanId);
        var stored = await server.Services.GetRequiredService<IJobQueue>().GetAsync(Guid.Parse(jobId), CancellationToken.None);

        Assert.True(attempt);
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.Equal(enqueue.TraceId, request.TraceId);
        var link = Assert.Single(run.Links);
        Assert.Equal((enqueue.TraceId, enqueue.SpanId), (link.Context.TraceId, link.Context.SpanId));
        Assert.NotEqual(enqueue.TraceId, run.TraceId);
        Assert.Equal("process TRACED", run.DisplayName);
        Assert.Equal("succeeded", run.GetTagItem("shopsync.result"));
        Assert.Equal(enqueue.TraceId.ToString(), stored.TraceId);
    }

    [Fact]
    public async Task EnqueueJobs_ThroughGrpc_EveryEntryCarriesTheOneSendSpan()
    {
        var exported = new List<Activity>();
        await using var server = await StartAsync(exported);
        var request = new EnqueueJobsRequest { Jobs = { Requests.Diagnostics(category: "BATCHED"), Requests.Diagnostics(category: " BATCHED ") } };

        var response = await server.Api.JobsAsync<EnqueueJobsRequest, EnqueueJobsResponse>("EnqueueJobs", request);

        var send = Snapshot(exported).Single(a => a.Source.Name == QueueTelemetry.Name && a.Kind == ActivityKind.Producer);
        Assert.Equal("send BATCHED", send.DisplayName);
        Assert.Equal(2, send.GetTagItem("messaging.batch.message_count"));
        Assert.Equal(ActivityStatusCode.Unset, send.Status);
        var queue = server.Services.GetRequiredService<IJobQueue>();
        foreach (var id in response.JobIds)
        {
            var stored = await queue.GetAsync(Guid.Parse(id), CancellationToken.None);
            Assert.Equal($"00-{send.TraceId}-{send.SpanId}-01", stored.TraceParent);
            Assert.Equal("BATCHED", stored.CategoryCode);
        }
    }

    [Fact]
    public async Task EnqueueJobs_RejectedEntry_MarksTheSendSpanAsAnError()
    {
        var exported = new List<Activity>();
        await using var server = await StartAsync(exported);
        var request = new EnqueueJobsRequest { Jobs = { Requests.Diagnostics(category: "REJECTED"), Requests.Diagnostics(maxAttempts: 11, category: "REJECTED") } };

        await Assert.ThrowsAsync<RpcException>(() => server.Api.JobsAsync<EnqueueJobsRequest, EnqueueJobsResponse>("EnqueueJobs", request));

        var send = Snapshot(exported).Single(a => a.Source.Name == QueueTelemetry.Name && a.Kind == ActivityKind.Producer);
        Assert.Equal("send REJECTED", send.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, send.Status);
        Assert.Contains("jobs[1].max_attempts", send.StatusDescription);
    }

    private static Task<InProcessServer> StartAsync(List<Activity> exported) =>
        InProcessServer.StartAsync((services, _) => services.AddOpenTelemetry().WithTracing(tracing => tracing
            .AddSource(QueueTelemetry.Name)
            .AddAspNetCoreInstrumentation()
            .AddInMemoryExporter(exported)));

    private static List<Activity> Snapshot(List<Activity> exported)
    {
        lock (exported)
        {
            return [.. exported];
        }
    }
}
