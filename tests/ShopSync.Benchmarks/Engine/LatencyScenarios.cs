using System.Diagnostics;
using ShopSync.Contracts.V1;

namespace ShopSync.Benchmarks.Engine;

/// <summary>
/// Latency and idle cost. Server and client share the machine's clock, so the handler's own timestamps (the time of
/// its first progress report, taken inside the handler) can be compared with the client's clock.
/// </summary>
internal static class LatencyScenarios
{
    /// <summary>
    /// Database calls of a server with nothing to do (counted from the store's and EF Core's logs): per second outside
    /// the housekeeping sweeps, and per sweep. The window lasts at least <paramref name="window"/> and until one sweep
    /// (every minute on the benchmark's server) went by.
    /// </summary>
    public static async Task<(double PerSecond, double PerSweep, long Sweeps)> IdleQueriesAsync(
        EngineServer server, TimeSpan window, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var (calls, sweepCalls, sweeps) = (server.StoreCalls, server.SweepCalls, server.Sweeps);
        var clock = Stopwatch.StartNew();
        var limit = window + TimeSpan.FromMinutes(EngineServer.IdleSweepIntervalMinutes) + TimeSpan.FromSeconds(15);
        while (clock.Elapsed < window || (server.Sweeps == sweeps && clock.Elapsed < limit))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        var seen = server.Sweeps - sweeps;
        var perSweep = seen == 0 ? double.NaN : (server.SweepCalls - sweepCalls) / (double)seen;
        return ((server.StoreCalls - calls) / clock.Elapsed.TotalSeconds, perSweep, seen);
    }

    /// <summary>
    /// From EnqueueJob returning (client clock) to the handler starting (the time of its first progress report,
    /// made before any work). One entry at a time on an idle server. A negative gap (the handler started before the
    /// answer reached the client) counts as 0.
    /// </summary>
    public static async Task<(double P50, double P99, int Early)> StartLatencyAsync(EngineClient client, int samples, CancellationToken cancellationToken)
    {
        var latencies = new List<double>(samples);
        var (toClaim, toHandler) = (new List<double>(samples), new List<double>(samples));
        var early = 0;
        var missing = 0;
        for (var i = -20; i < samples; i++)
        {
            var id = await client.EnqueueAsync(EngineClient.Diagnostics("LATENCY", steps: 1, stepMs: 0), cancellationToken);
            var returned = DateTimeOffset.UtcNow;
            DateTimeOffset? accepted = null, claimed = null, started = null;
            await client.WatchAsync(
                id,
                e =>
                {
                    var time = e.Time.ToDateTimeOffset();
                    switch (e.KindCase)
                    {
                        case JobEvent.KindOneofCase.Accepted: accepted ??= time; break;
                        case JobEvent.KindOneofCase.Started: claimed ??= time; break;
                        case JobEvent.KindOneofCase.Progress: started ??= time; break;
                    }
                },
                cancellationToken);
            if (i < 0)
            {
                continue; // warm-up
            }

            if (started is null)
            {
                missing++;
                continue;
            }

            var ms = (started.Value - returned).TotalMilliseconds;
            early += ms < 0 ? 1 : 0;
            latencies.Add(Math.Max(0, ms));
            if (accepted is { } a && claimed is { } c)
            {
                toClaim.Add((c - a).TotalMilliseconds);
                toHandler.Add((started.Value - c).TotalMilliseconds);
            }
        }

        if (missing > 0)
        {
            Console.Error.WriteLine($"start latency: {missing} runs had no progress event (not counted)");
        }

        // Where the time goes, from the server's own event times: the enqueue's clock reading → the claim's (the
        // enqueue's commit, the dispatcher's wake-up, the claim's statements) → the handler's first report (the
        // claim's commit and the hop to the handler).
        Console.Error.WriteLine(
            $"start latency: enqueue→claim p50 {Percentiles.Of(toClaim, 50):F2} p99 {Percentiles.Of(toClaim, 99):F2} ms, " +
            $"claim→handler p50 {Percentiles.Of(toHandler, 50):F2} p99 {Percentiles.Of(toHandler, 99):F2} ms ({toClaim.Count} runs)");

        return (Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 99), early);
    }

    /// <summary>From a handler's progress report (its event time) to the event reaching a WatchJob client.</summary>
    public static async Task<(double P99, int Samples)> ProgressLatencyAsync(EngineClient client, int jobs, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        for (var i = 0; i < jobs; i++)
        {
            var id = await client.EnqueueAsync(EngineClient.Diagnostics("PROGRESS", steps: 200, stepMs: 5), cancellationToken);
            await client.WatchAsync(
                id,
                e =>
                {
                    if (e.KindCase == JobEvent.KindOneofCase.Progress)
                    {
                        latencies.Add((DateTimeOffset.UtcNow - e.Time.ToDateTimeOffset()).TotalMilliseconds);
                    }
                },
                cancellationToken);
        }

        // The first reports of each run may be replayed from history if the watch attached late; skip them.
        return (Percentiles.Of(latencies.Skip(5).ToList(), 99), latencies.Count);
    }
}
