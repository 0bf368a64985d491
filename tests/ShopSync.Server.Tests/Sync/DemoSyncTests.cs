using ShopSync.Contracts.V1;
using ShopSync.Connector.Sync;
using ShopSync.Testing;
using ShopSync.Testing.Grpc;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace ShopSync.Server.Tests.Sync;

/// <summary>The demo path of the real binary: --demo, then a foreground Sync Orders and Create Sales Orders on shop "demo".</summary>
public sealed class DemoSyncTests
{
    private static readonly ServiceDescriptor JobQueue = JobQueueReflection.Descriptor.FindTypeByName<ServiceDescriptor>("JobQueueService");
    private static readonly ServiceDescriptor ErpBookService = ErpBookReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ErpBookService");

    [Fact]
    public async Task Demo_ForegroundSyncOrdersThenCreateSalesOrders_StreamsProgressAndLeavesDocumentsWithShopifyOrderNos()
    {
        using var directory = new TempDirectory();
        await using var server = await ServerProcess.StartAsync(directory.File("demo.db"), ["--demo"]);
        using var channel = server.CreateChannel();

        var sync = await RunForegroundAsync(channel, SyncReportIds.SyncOrders);
        var create = await RunForegroundAsync(channel, SyncReportIds.CreateSalesOrders);

        Assert.Contains(sync, e => e.KindCase == JobEvent.KindOneofCase.Progress && e.Progress.Counters.Pages > 0);
        Assert.Equal(JobResult.Succeeded, sync[^1].Completed.Result);
        Assert.True(sync[^1].Completed.Counters.Done >= 60);
        Assert.NotEqual(JobResult.Failed, create[^1].Completed.Result);
        Assert.True(create[^1].Completed.Counters.Done > 0);
        var documents = await channel.UnaryAsync<ListErpDocumentsRequest, ListErpDocumentsResponse>(
            ErpBookService.FindMethodByName("ListErpDocuments"),
            new ListErpDocumentsRequest { ShopCode = "demo", ShopifyOrderNo = "1001..1010", PageSize = 50 });
        Assert.NotEmpty(documents.Documents);
        Assert.All(documents.Documents, d => Assert.InRange(string.CompareOrdinal(d.ShopifyOrderNo, "1001"), 0, int.MaxValue));
        Assert.All(documents.Documents, d => Assert.True(string.CompareOrdinal(d.ShopifyOrderNo, "1010") <= 0, d.ShopifyOrderNo));
        Assert.All(documents.Documents, d => Assert.Contains(d.DocumentType, new[] { ErpDocumentType.SalesOrder, ErpDocumentType.SalesInvoice }));
    }

    private static async Task<List<JobEvent>> RunForegroundAsync(TestChannel channel, int reportId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var call = channel.ServerStreaming<EnqueueJobRequest, EnqueueJobResponse>(
            JobQueue.FindMethodByName("EnqueueJob"),
            new EnqueueJobRequest { ShopCode = "demo", ReportId = reportId, Mode = RunMode.Auto },
            new TestCallOptions { CancellationToken = timeout.Token });
        var events = new List<JobEvent>();
        await foreach (var response in call.WithCancellation(timeout.Token))
        {
            events.Add(response.Event);
        }
        Assert.Equal(JobEvent.KindOneofCase.Completed, events[^1].KindCase);
        return events;
    }
}
