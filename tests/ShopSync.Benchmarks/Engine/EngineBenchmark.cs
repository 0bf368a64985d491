using System.Globalization;

namespace ShopSync.Benchmarks.Engine;

/// <summary>
/// `engine`: starts the real server binary (Release) on loopback with the diagnostics tasks and drives it over gRPC.
/// The store is the embedded SQLite file with synchronous=FULL by default: every acknowledged commit survives power
/// loss, which is what a queue that promises "accepted means stored" needs; --sync normal measures the WAL/NORMAL
/// alternative (survives a process crash, may lose the last commits on power loss). With --store postgres the queue is
/// on a private, durable PostgreSQL and --nodes N servers share it (<see cref="EnginePostgres"/>). Options: see
/// <see cref="EngineOptions"/>.
/// </summary>
internal static class EngineBenchmark
{
    private const int SingleCallers = 32;
    private const int RssQueued = 1_000_000;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var options = EngineOptions.Parse(args);
        var directory = Directory.CreateTempSubdirectory("shopsync-engine-bench-");
        var results = new List<(string Metric, double Value, string Unit)>();
        Console.Error.WriteLine($"engine benchmark: synchronous={options.Synchronous}, scale={options.Scale}, telemetry={(options.Telemetry ? "on" : "off")}, auth={(options.Auth ? "required, API key" : "off")}, server args [{string.Join(' ', options.ServerArgs ?? [])}], data in {directory.FullName}");
        try
        {
            if (options.Postgres)
            {
                await EnginePostgres.RunAsync(options, directory.FullName, results, cancellationToken);
                PrintResults(results);
                return 0;
            }

            if (options.Runs("idle"))
            {
                await using var idleServer = await StartAsync(options, Path.Combine(directory.FullName, "idle.db"), traceStore: true, cancellationToken);
                var (perSecond, perSweep, sweeps) = await LatencyScenarios.IdleQueriesAsync(idleServer, TimeSpan.FromSeconds(10), cancellationToken);
                var interval = new ShopSync.Queue.Retention.RetentionOptions().SweepIntervalMinutes;
                Console.Error.WriteLine(
                    $"idle: {sweeps} retention sweep(s) seen at every {EngineServer.IdleSweepIntervalMinutes} min; the server's default is every {interval} min " +
                    "(Queue:Retention:SweepIntervalMinutes), the only housekeeping sweep (it also ages out the connector's call log and webhook dedupe rows)");
                Report(results, "idle_queries_per_s_between_sweeps", perSecond, "queries/s");
                Report(results, "idle_queries_per_sweep", perSweep, "queries");
                Report(results, "idle_queries_per_s", perSecond + (perSweep / (interval * 60.0)), "queries/s");
                if (idleServer.TelemetrySummary is { } idleTelemetry)
                {
                    Console.Error.WriteLine("idle " + idleTelemetry);
                }
            }

            await using var server = await StartAsync(options, Path.Combine(directory.FullName, "engine.db"), traceStore: false, cancellationToken);
            using var client = new EngineClient(server.Address, server.ApiKey);
            if (options.Runs("latency"))
            {
                var (p50, p99, early) = await LatencyScenarios.StartLatencyAsync(client, options.Count(300), cancellationToken);
                Console.Error.WriteLine($"start latency: {early} handlers started before EnqueueJob's answer reached the client (counted as 0 ms)");
                Report(results, "start_latency_p50_ms", p50, "ms");
                Report(results, "start_latency_p99_ms", p99, "ms");
            }

            if (options.Runs("progress"))
            {
                var (p99, samples) = await LatencyScenarios.ProgressLatencyAsync(client, 2, cancellationToken);
                Console.Error.WriteLine($"progress latency: {samples} progress events received");
                Report(results, "progress_latency_p99_ms", p99, "ms");
            }

            await LoadAsync(options, new EngineNodes([server]), client, results, cancellationToken);
            if (server.TelemetrySummary is { } telemetry)
            {
                Console.Error.WriteLine(telemetry);
            }

            PrintResults(results);
            return 0;
        }
        finally
        {
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A server still shutting down may hold the file for a moment; the temp folder is cleaned up later.
            }
        }
    }

    /// <summary>The throughput scenarios and the memory one, on one server or spread over several nodes.</summary>
    internal static async Task LoadAsync(EngineOptions options, EngineNodes nodes, EngineClient client, List<(string Metric, double Value, string Unit)> results, CancellationToken cancellationToken)
    {
        var queued = 0;
        if (options.Runs("process100"))
        {
            Report(results, "process_100cat_per_s", await ThroughputScenarios.ProcessPerSecondAsync(nodes, client, "C", options.Count(90_000), 100, cancellationToken), "entries/s");
        }

        if (options.Runs("process1"))
        {
            Report(results, "process_1cat_per_s", await ThroughputScenarios.ProcessPerSecondAsync(nodes, client, "ONE", options.Count(20_000), 1, cancellationToken), "entries/s");
        }

        if (options.Runs("single"))
        {
            var total = options.Count(20_000);
            Report(results, "enqueue_single_per_s", await ThroughputScenarios.SingleEnqueuePerSecondAsync(nodes, client, total, SingleCallers, cancellationToken), "calls/s");
            queued += total + 500;
        }

        if (options.Runs("bulk"))
        {
            var total = options.Count(200_000);
            Report(results, "enqueue_bulk_per_s", await ThroughputScenarios.BulkEnqueuePerSecondAsync(nodes, client, total, cancellationToken), "entries/s");
            queued += total + ThroughputScenarios.BulkWarmUp(total);
        }

        if (options.Runs("rss"))
        {
            var target = options.Count(RssQueued);
            var rss = await ThroughputScenarios.ResidentWithQueueAsync(nodes, client, Math.Max(0, target - queued), cancellationToken);
            Console.Error.WriteLine($"rss: {Math.Max(target, queued)} entries queued (due tomorrow)");
            Report(results, "rss_1m_queued_mb", rss, "MB");
        }
    }

    private static void PrintResults(List<(string Metric, double Value, string Unit)> results)
    {
        Console.WriteLine();
        foreach (var (metric, value, unit) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"BENCH {metric} {Format(value)} {unit}"));
        }
    }

    private static Task<EngineServer> StartAsync(EngineOptions options, string databaseFile, bool traceStore, CancellationToken cancellationToken) =>
        EngineServer.StartAsync(options, databaseFile, traceStore, cancellationToken);

    internal static void Report(List<(string Metric, double Value, string Unit)> results, string metric, double value, string unit)
    {
        results.Add((metric, value, unit));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {metric} = {Format(value)} {unit}"));
    }

    private static string Format(double value) => value >= 100 ? value.ToString("F0", CultureInfo.InvariantCulture) : value.ToString("F2", CultureInfo.InvariantCulture);
}
