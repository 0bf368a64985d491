using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Recurrence;
using ShopSync.Queue.Scheduling;
using ShopSync.Server.Hosting;

namespace ShopSync.Benchmarks.Recurrence;

/// <summary>
/// `recurrence`: the real server (in-process, SQLite file) with N recurring entries due every minute on the No-op task,
/// each in its own category, spread over the first S seconds of the minute (cron "s * * * * *"). Measures each run's
/// start against its occurrence (p50/p99/max) and, in the quiet rest of every minute, CPU and SQL statements per second.
/// Options: --schedules N (10000) --spread S (40) --minutes M (3).
/// </summary>
internal static class RecurrenceBenchmark
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var schedules = Option(args, "--schedules", 10_000);
        var spread = Option(args, "--spread", 40);
        var minutes = Option(args, "--minutes", 3);
        SqliteStatementCounter.Install();
        var folder = Directory.CreateTempSubdirectory("shopsync-bench-recurrence");
        try
        {
            await using var app = await StartServerAsync(Path.Combine(folder.FullName, "bench.db"), cancellationToken);
            var time = app.Services.GetRequiredService<TimeProvider>();
            var manager = app.Services.GetRequiredService<ScheduleManager>();
            var created = Stopwatch.StartNew();
            await CreateAsync(manager, schedules, spread, cancellationToken);
            Console.WriteLine($"created {schedules} schedules in {created.Elapsed.TotalSeconds:F1} s; load {LoadAverage()}");

            // From the next whole minute on, M minutes; the idle window of each is [spread + 5 s, 58 s).
            var now = time.GetUtcNow();
            var begin = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(1);
            var idleCpu = TimeSpan.Zero;
            var idleWall = TimeSpan.Zero;
            long idleStatements = 0;
            for (var m = 0; m < minutes; m++)
            {
                var minute = begin.AddMinutes(m);
                await Task.Delay(Until(time, minute.AddSeconds(spread + 5)), time, cancellationToken);
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                var statements0 = SqliteStatementCounter.Statements;
                var wall = Stopwatch.StartNew();
                await Task.Delay(Until(time, minute.AddSeconds(58)), time, cancellationToken);
                idleCpu += Process.GetCurrentProcess().TotalProcessorTime - cpu0;
                idleStatements += SqliteStatementCounter.Statements - statements0;
                idleWall += wall.Elapsed;
                Console.WriteLine($"minute {m + 1}/{minutes} done; load {LoadAverage()}");
            }
            await Task.Delay(Until(time, begin.AddMinutes(minutes).AddSeconds(spread + 5)), time, cancellationToken);

            var lateness = await LatenessAsync(app.Services.GetRequiredService<IJobQueue>(), begin, begin.AddMinutes(minutes), cancellationToken);
            var expected = (long)schedules * minutes;
            Console.WriteLine($"runs measured {lateness.Count} of {expected} expected occurrences");
            lateness.Sort();
            Console.WriteLine($"BENCH lateness_p50_ms {Percentile(lateness, 0.50):F1} ms");
            Console.WriteLine($"BENCH lateness_p99_ms {Percentile(lateness, 0.99):F1} ms");
            Console.WriteLine($"BENCH lateness_max_ms {(lateness.Count == 0 ? double.NaN : lateness[^1]):F1} ms");
            Console.WriteLine($"BENCH idle_cpu_pct {100 * idleCpu / idleWall:F2} %");
            Console.WriteLine($"BENCH idle_queries_per_s {idleStatements / idleWall.TotalSeconds:F2} queries/s");
            Console.WriteLine($"machine load (1/5/15 min): {LoadAverage()}");
            return lateness.Count == expected ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task CreateAsync(ScheduleManager manager, int count, int spread, CancellationToken cancellationToken)
    {
        var next = -1;
        var workers = Enumerable.Range(0, 8).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await manager.CreateAsync(
                    new ScheduleDefinition
                    {
                        ReportId = 90000,
                        CategoryCode = "B" + i.ToString(CultureInfo.InvariantCulture),
                        Recurrence = new RecurrenceSchedule { Form = new CronForm($"{i % spread} * * * * *") },
                    },
                    onHold: false,
                    cancellationToken);
            }
        });
        await Task.WhenAll(workers);
    }

    private static async Task<List<double>> LatenessAsync(IJobQueue queue, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var result = new List<double>();
        string? token = null;
        do
        {
            var page = await queue.ListAsync(new JobQuery { ReportId = 90000, PageSize = 1000, PageToken = token }, cancellationToken);
            foreach (var job in page.Jobs)
            {
                if (job.OccurrenceUtc is { } occurrence && occurrence >= from && occurrence < to && job.StartedAt is { } started)
                {
                    result.Add((started - occurrence).TotalMilliseconds);
                }
            }
            token = page.NextPageToken.Length == 0 ? null : page.NextPageToken;
        }
        while (token is not null);
        return result;
    }

    private static async Task<WebApplication> StartServerAsync(string databaseFile, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var builder = WebApplication.CreateBuilder(ServerCommandLine.Normalize(
        [
            "--urls", $"http://127.0.0.1:{port}", "--web-urls", "none", "--db", databaseFile, "--Queue:EnableDiagnosticsTasks=true",
        ]));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddShopSyncServer();
        var app = builder.Build();
        await app.PrepareShopSyncAsync(cancellationToken);
        app.MapShopSync();
        await app.StartAsync(cancellationToken);
        return app;
    }

    private static TimeSpan Until(TimeProvider time, DateTimeOffset instant) =>
        instant - time.GetUtcNow() is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
