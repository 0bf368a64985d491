using ShopSync.Benchmarks.Recurrence;
using ShopSync.Benchmarks.Status;
using ShopSync.Benchmarks.Sync;
using ShopSync.Benchmarks.Wire;

namespace ShopSync.Benchmarks;

/// <summary>
/// The benchmark subcommands. Each prints "BENCH &lt;metric&gt; &lt;value&gt; &lt;unit&gt;" lines and returns an exit code.
/// To add one, add a line to <see cref="Commands"/>.
/// </summary>
internal static class BenchmarkCommands
{
    private static readonly Dictionary<string, (string Description, Func<string[], CancellationToken, Task<int>> Run)> Commands = new(StringComparer.Ordinal)
    {
        ["sync"] = ("Sync Orders of 10,000 sandbox orders (250 per page) and Create Sales Orders: records/s, share of time paced by the rate limit", SyncBenchmark.RunAsync),
        ["engine"] = ("The job queue engine over gRPC against the real server (SQLite; --store postgres [--nodes N]): enqueue, processing, latency, idle cost, memory", Engine.EngineBenchmark.RunAsync),
        ["wire"] = ("gRPC unary throughput of Grpc.AspNetCore vs a raw Kestrel HTTP/2 endpoint (h2load), allocations per call", WireBenchmark.RunAsync),
        ["status"] = ("GetSyncStatus over 1,000,000 orders, 100,000 customers and 100,000 log entries (10 shops): p99 for one shop and all shops", StatusBenchmark.RunAsync),
        ["retention"] = ("A retention sweep over 200,000 old entries (+1,000,000 events, 200,000 log entries): enqueue stall p99/max during the sweep", Retention.RetentionBenchmark.RunAsync),
        ["access"] = ("What an API key check costs per call on the server's own code (hash, cached lookup, expiry, identity): api_key_check_us", Access.ApiKeyCheckBenchmark.RunAsync),
        ["handover"] = ("The store's hand-over alone, in process (no server, no dispatcher, no gRPC; SQLite FULL or --store postgres): the ceiling for engine's process rates", Handover.HandoverBenchmark.RunAsync),
        ["recurrence"] = ("10,000 recurring entries due every minute on the real server: start lateness p99, idle CPU and queries/s", RecurrenceBenchmark.RunAsync),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !Commands.TryGetValue(args[0], out var command))
        {
            Console.Error.WriteLine("usage: dotnet run -c Release --project tests/ShopSync.Benchmarks -- <subcommand> [options]");
            foreach (var (name, (description, _)) in Commands)
            {
                Console.Error.WriteLine($"  {name,-12} {description}");
            }
            return 2;
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await command.Run(args[1..], cancel.Token);
    }
}
