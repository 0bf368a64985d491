using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopSync.Contracts.V1;
using ShopSync.Server.Hosting;
using ShopSync.Connector.Shops;
using ShopSync.Testing.Grpc;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace ShopSync.Benchmarks.Status;

/// <summary>
/// `status`: the real server in process on a SQLite file seeded by bulk SQL with 1,000,000 orders, 100,000 customers
/// and 100,000 job log entries over 10 shops; GetSyncStatus through gRPC for one shop and for all shops, p50/p99.
/// Options: --orders N (1000000) --customers N (100000) --log N (100000) --shops N (10) --calls N (300).
/// </summary>
internal static class StatusBenchmark
{
    private static readonly ServiceDescriptor Service = SyncStatusReflection.Descriptor.FindTypeByName<ServiceDescriptor>("SyncStatusService");

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var orders = Option(args, "--orders", 1_000_000);
        var customers = Option(args, "--customers", 100_000);
        var log = Option(args, "--log", 100_000);
        var shopCount = Option(args, "--shops", 10);
        var calls = Option(args, "--calls", 300);
        var folder = Directory.CreateTempSubdirectory("shopsync-bench-status");
        try
        {
            var file = Path.Combine(folder.FullName, "bench.db");
            await using var app = await StartServerAsync(file, cancellationToken);
            var shops = Enumerable.Range(1, shopCount).Select(i => $"SHOP{i:D2}").ToList();
            var registry = app.Services.GetRequiredService<IShopRegistry>();
            foreach (var shop in shops)
            {
                await registry.CreateAsync(shop, new ShopChanges { ShopifyUrl = $"https://{shop.ToLowerInvariant()}.myshopify.com", AccessToken = "shpat_bench" }, cancellationToken);
            }
            var seeding = Stopwatch.StartNew();
            await StatusSeeder.SeedAsync($"Data Source={file}", shops, orders, customers, log, cancellationToken);
            Console.WriteLine($"seeded {orders:N0} orders, {customers:N0} customers, {log:N0} log entries over {shopCount} shops in {seeding.Elapsed.TotalSeconds:F1} s; load {LoadAverage()}");
            PrintPlan(file, shops[0]);

            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            using var channel = TestChannel.ForAddress(new Uri(address));
            var cold = Stopwatch.StartNew();
            var first = await GetAsync(channel, "", cancellationToken);
            Console.WriteLine($"first call (folds every shop's job log once): {cold.Elapsed.TotalMilliseconds:F1} ms; " +
                $"shop {first.Shops[0].ShopCode}: {string.Join(", ", first.Shops[0].Cues.Select(c => $"{c.Cue}={c.Count}"))}");
            for (var i = 0; i < 20; i++)
            {
                await GetAsync(channel, shops[i % shops.Count], cancellationToken);
            }

            var one = new List<double>(calls);
            for (var i = 0; i < calls; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await GetAsync(channel, shops[i % shops.Count], cancellationToken);
                one.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            var all = new List<double>(calls);
            for (var i = 0; i < calls; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await GetAsync(channel, "", cancellationToken);
                all.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            one.Sort();
            all.Sort();
            Console.WriteLine($"one shop: p50 {Percentile(one, 0.5):F2} ms, max {one[^1]:F2} ms; all {shopCount} shops: p50 {Percentile(all, 0.5):F2} ms, max {all[^1]:F2} ms; load {LoadAverage()}");
            Console.WriteLine(FormattableString.Invariant($"BENCH status_one_shop_p99_ms {Percentile(one, 0.99):F2} ms"));
            Console.WriteLine(FormattableString.Invariant($"BENCH status_all_shops_p99_ms {Percentile(all, 0.99):F2} ms"));
            await app.StopAsync(cancellationToken);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static Task<GetSyncStatusResponse> GetAsync(TestChannel channel, string shop, CancellationToken cancellationToken) =>
        channel.UnaryAsync<GetSyncStatusRequest, GetSyncStatusResponse>(
            Service.FindMethodByName("GetSyncStatus"), new GetSyncStatusRequest { ShopCode = shop },
            new TestCallOptions { CancellationToken = cancellationToken, Timeout = TimeSpan.FromMinutes(2) });

    /// <summary>The query plan of the cue statement: every line should SEARCH an index, none SCAN a table.</summary>
    private static void PrintPlan(string file, string shop)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + ShopSync.Connector.Status.ConnectorCueCounter.Statement;
        command.Parameters.AddWithValue("@shop", shop);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            Console.WriteLine("plan: " + reader.GetString(3));
        }
    }

    private static async Task<WebApplication> StartServerAsync(string databaseFile, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(ServerCommandLine.Normalize(["--urls", "http://127.0.0.1:0", "--web-urls", "none", "--db", databaseFile]));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddShopSyncServer();
        var app = builder.Build();
        await app.PrepareShopSyncAsync(cancellationToken);
        app.MapShopSync();
        await app.StartAsync(cancellationToken);
        return app;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
