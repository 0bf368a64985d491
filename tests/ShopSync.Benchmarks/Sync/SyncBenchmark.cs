using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using ShopSync.Contracts.V1;
using ShopSync.Server.Hosting;
using ShopSync.Shopify.Client;
using ShopSync.Connector.Persistence;
using ShopSync.Shopify.Sandbox;
using ShopSync.Connector.Shops;
using ShopSync.Connector.Sync;
using ShopSync.Testing.Grpc;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace ShopSync.Benchmarks.Sync;

/// <summary>
/// The sync benchmark: the real server composition in process with a SQLite file, a sandbox store of 10,000 orders on
/// its own Kestrel, and the two tasks run through the gRPC EnqueueJob call (foreground), as an operator would.
/// "Paced" is the time Shopify calls spent waiting outside HTTP (the client's cost-budget pacing and THROTTLED retries),
/// as a share of the Sync Orders run.
/// </summary>
internal static class SyncBenchmark
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var orders = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var directory = Directory.CreateTempSubdirectory("shopsync-sync-bench");
        var sandboxOptions = SandboxOptions.Benchmark(orders);
        // 250 orders with up to 10 lines each ask ~22,750 points: the benchmark store allows that query size.
        sandboxOptions.MaxSingleQueryCost = 25_000;
        sandboxOptions.BucketSize = 25_000;
        await using var sandbox = await SandboxHost.StartAsync(sandboxOptions, cancellationToken);
        var timing = new HttpTimingHandler();
        var builder = WebApplication.CreateBuilder(ServerCommandLine.Normalize(
            ["--urls", "http://127.0.0.1:0", "--web-urls", "none", "--db", Path.Combine(directory.FullName, "bench.db"), "--Sync:OrdersPageSize=250", "--Logging:LogLevel:Default=Warning"]));
        builder.AddShopSyncServer();
        builder.Services.AddHttpClient("ShopSync.Shopify").AddHttpMessageHandler(() => timing);
        await using var app = builder.Build();
        await app.PrepareShopSyncAsync(cancellationToken);
        app.MapShopSync();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        await app.Services.GetRequiredService<IShopRegistry>().CreateAsync("BENCH", new ShopChanges
        {
            ShopifyUrl = sandbox.BaseUrl.ToString(), AccessToken = sandboxOptions.AccessToken, AllowBackgroundSyncs = false,
            AutoCreateUnknownCustomers = true, AutoCreateUnknownItems = true,
        }, cancellationToken);
        using var channel = TestChannel.ForAddress(new Uri(address));
        Console.WriteLine($"# sync benchmark: {orders} orders, 250 per page, bucket {sandboxOptions.BucketSize}, restore {sandboxOptions.RestoreRate}/s; load: {File.ReadAllText("/proc/loadavg").Trim()}");

        var (syncCompleted, syncTime) = await RunAsync(channel, SyncReportIds.SyncOrders, cancellationToken);
        await app.Services.GetRequiredService<PersistentShopifyCallRecorder>().FlushAsync(cancellationToken);
        double callMs;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ConnectorDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            callMs = (await db.ShopifyApiCalls.Where(c => c.OperationName == "ShopSyncOrders").Select(c => c.DurationMs).ToListAsync(cancellationToken)).Sum();
        }
        var pacedMs = Math.Max(0, callMs - timing.Total.TotalMilliseconds);
        var (createCompleted, createTime) = await RunAsync(channel, SyncReportIds.CreateSalesOrders, cancellationToken);

        Console.WriteLine($"# sync orders: {syncCompleted.Result} {syncCompleted.Counters} in {syncTime.TotalSeconds:0.00} s; Shopify calls {callMs / 1000:0.00} s of which HTTP {timing.Total.TotalSeconds:0.00} s");
        Console.WriteLine($"# create sales orders: {createCompleted.Result} {createCompleted.Counters} in {createTime.TotalSeconds:0.00} s");
        Console.WriteLine(FormattableString.Invariant($"BENCH sync_orders_per_s {syncCompleted.Counters.Done / syncTime.TotalSeconds:0} records/s"));
        Console.WriteLine(FormattableString.Invariant($"BENCH create_sales_orders_per_s {(createCompleted.Counters.Done + createCompleted.Counters.Skipped) / createTime.TotalSeconds:0} records/s"));
        Console.WriteLine(FormattableString.Invariant($"BENCH sync_paced_pct {pacedMs / syncTime.TotalMilliseconds * 100:0.0} %"));
        await app.StopAsync(cancellationToken);
        directory.Delete(recursive: true);
        return syncCompleted.Result == JobResult.Succeeded && createCompleted.Result != JobResult.Failed ? 0 : 1;
    }

    private static async Task<(JobCompleted Completed, TimeSpan Elapsed)> RunAsync(TestChannel channel, int reportId, CancellationToken cancellationToken)
    {
        var method = JobQueueReflection.Descriptor.FindTypeByName<ServiceDescriptor>("JobQueueService").FindMethodByName("EnqueueJob");
        var start = Stopwatch.GetTimestamp();
        using var call = channel.ServerStreaming<EnqueueJobRequest, EnqueueJobResponse>(
            method, new EnqueueJobRequest { ShopCode = "BENCH", ReportId = reportId, Mode = RunMode.Foreground }, new TestCallOptions { CancellationToken = cancellationToken });
        JobCompleted? completed = null;
        await foreach (var response in call.WithCancellation(cancellationToken))
        {
            completed = response.Event.Completed ?? completed;
        }
        return (completed ?? throw new InvalidOperationException("the job did not complete"), Stopwatch.GetElapsedTime(start));
    }
}
