using System.Diagnostics;
using System.Globalization;
using ShopSync.Contracts.V1;

namespace ShopSync.Benchmarks.Engine;

/// <summary>
/// `engine --store postgres [--nodes N]`: the same scenarios and metric names on a private, durable PostgreSQL
/// (<see cref="BenchPostgres"/>). Latency across nodes runs on a database of its own with two nodes: A, with one slot
/// taken by a long run, takes the calls (EnqueueJob, WatchJob), so every measured run starts on B. With --nodes 1 the
/// latencies are of one node. Idle queries are counted on the N nodes of the load database before any load; then the
/// load goes to all N nodes in turn.
/// </summary>
internal static class EnginePostgres
{
    private static readonly TimeSpan IdleSettle = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task RunAsync(EngineOptions options, string directory, List<(string Metric, double Value, string Unit)> results, CancellationToken cancellationToken)
    {
        await using var postgres = await BenchPostgres.StartAsync(EngineServer.RepositoryRoot(), cancellationToken);
        var crossNode = options.Nodes > 1 && (options.Runs("latency") || options.Runs("progress"));
        if (crossNode)
        {
            await LatencyAcrossNodesAsync(options, postgres, Path.Combine(directory, "probe"), results, cancellationToken);
        }

        var connections = await postgres.CreateDatabaseAsync("engine", options.Nodes, cancellationToken);
        var servers = new List<EngineServer>();
        await using var nodes = new EngineNodes(servers);
        for (var i = 0; i < options.Nodes; i++)
        {
            var name = "node" + (i + 1).ToString(CultureInfo.InvariantCulture);
            servers.Add(await EngineServer.StartAsync(
                options, Path.Combine(directory, name, "shopsync.db"), traceStore: false, cancellationToken, connections[i], name));
        }

        if (options.Runs("idle"))
        {
            await IdleAsync(postgres, options.Nodes, results, cancellationToken);
        }

        using var client = new EngineClient(nodes.Addresses);
        if (!crossNode)
        {
            await LatencyAsync(options, client, "(one node)", results, cancellationToken);
        }

        await EngineBenchmark.LoadAsync(options, nodes, client, results, cancellationToken);
    }

    private static async Task IdleAsync(BenchPostgres postgres, int nodes, List<(string Metric, double Value, string Unit)> results, CancellationToken cancellationToken)
    {
        await Task.Delay(IdleSettle, cancellationToken);
        await postgres.ResetStatementsAsync("engine", cancellationToken);
        var before = await postgres.CountsAsync("engine", nodes, cancellationToken);
        var clock = Stopwatch.StartNew();
        await Task.Delay(IdleWindow, cancellationToken);
        var after = await postgres.CountsAsync("engine", nodes, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var rates = before.Zip(after, (b, a) => (a - b) / seconds).ToArray();
        Console.Error.WriteLine(
            $"idle: {(postgres.HasStatements ? "statements" : "transactions")} per second over {seconds:F0} s, per node: " +
            string.Join(", ", rates.Select((r, i) => string.Create(CultureInfo.InvariantCulture, $"node{i + 1} {r:F2}"))) +
            " (the largest is reported; the retention sweep, every 60 min by default, is not in the window)");
        foreach (var statement in await postgres.StatementCostsAsync("engine", 8, mostCalledFirst: true, cancellationToken))
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle: {statement.Calls,5} x {statement.Query}"));
        }

        EngineBenchmark.Report(results, "idle_queries_per_s", rates.Max(), "queries/s");
    }

    private static async Task LatencyAsync(EngineOptions options, EngineClient client, string where, List<(string Metric, double Value, string Unit)> results, CancellationToken cancellationToken)
    {
        if (options.Runs("latency"))
        {
            var (p50, p99, early) = await LatencyScenarios.StartLatencyAsync(client, options.Count(300), cancellationToken);
            Console.Error.WriteLine($"start latency {where}: {early} handlers started before EnqueueJob's answer reached the client (counted as 0 ms)");
            EngineBenchmark.Report(results, "start_latency_p50_ms", p50, "ms");
            EngineBenchmark.Report(results, "start_latency_p99_ms", p99, "ms");
        }

        if (options.Runs("progress"))
        {
            var (p99, samples) = await LatencyScenarios.ProgressLatencyAsync(client, 2, cancellationToken);
            Console.Error.WriteLine($"progress latency {where}: {samples} progress events received");
            EngineBenchmark.Report(results, "progress_latency_p99_ms", p99, "ms");
        }
    }

    private static async Task LatencyAcrossNodesAsync(
        EngineOptions options, BenchPostgres postgres, string directory, List<(string Metric, double Value, string Unit)> results, CancellationToken cancellationToken)
    {
        var connections = await postgres.CreateDatabaseAsync("probe", 2, cancellationToken);
        await using var a = await EngineServer.StartAsync(
            options, Path.Combine(directory, "a", "shopsync.db"), traceStore: false, cancellationToken, connections[0], "probe-a", ["--Queue:MaxConcurrency=1"]);
        using var client = new EngineClient(a.Address);
        // Alone, A runs the blocker itself; once it runs, A has no free slot and every later entry starts on B.
        var blocker = await client.EnqueueAsync(EngineClient.Diagnostics("BLOCK", steps: 1_000_000, stepMs: 10), cancellationToken);
        var deadline = Stopwatch.StartNew();
        while ((await client.GetAsync(blocker, cancellationToken)).Status != JobStatus.InProcess)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("the blocker did not start on node A within 60 s");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        await using var b = await EngineServer.StartAsync(
            options, Path.Combine(directory, "b", "shopsync.db"), traceStore: false, cancellationToken, connections[1], "probe-b");
        await LatencyAsync(options, client, "(enqueued and watched on node A, run on node B)", results, cancellationToken);
        var other = await client.EnqueueAsync(EngineClient.Diagnostics("CHECK", steps: 1, stepMs: 0), cancellationToken);
        string? node = null;
        await client.WatchAsync(other, e => node ??= e.KindCase == JobEvent.KindOneofCase.Started ? e.Started.Node : null, cancellationToken);
        Console.Error.WriteLine($"latency check: an entry enqueued through node A ran on {node}");
    }
}
