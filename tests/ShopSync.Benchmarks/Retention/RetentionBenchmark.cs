using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopSync.Benchmarks.Engine;
using ShopSync.Queue;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Diagnostics;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Retention;
using ShopSync.Queue.Storage;
using ShopSync.Storage;

namespace ShopSync.Benchmarks.Retention;

/// <summary>
/// The stall a retention sweep causes to enqueues: N old Finished entries (5 events each) and N old log entries are
/// seeded by SQL, then one caller enqueues back to back (On Hold, so nothing runs) while the sweep deletes them.
/// Prints enqueue latency p50 / p99 / max before and during the sweep, and the sweep's duration.
/// </summary>
internal static class RetentionBenchmark
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var entries = Option(args, "--entries", 200_000);
        var batch = Option(args, "--batch", 200);
        var folder = Path.Combine(Path.GetTempPath(), "shopsync-retention-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "queue.db");
        try
        {
            var services = new ServiceCollection();
            services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
            services.AddShopSyncQueue(o => o.EnableDiagnosticsTasks = true);
            services.Configure<RetentionOptions>(o => (o.BatchSize, o.MaxSweepDuration) = (batch, TimeSpan.FromHours(1)));
            services.AddShopSyncSqliteStore($"Data Source={file}");
            await using var provider = services.BuildServiceProvider();
            await provider.GetRequiredService<IJobStore>().InitializeAsync(cancellationToken);
            var seeding = Stopwatch.StartNew();
            Seed(file, entries);
            Console.WriteLine($"seeded {entries:N0} old entries, {entries * 5:N0} events, {entries:N0} log entries in {seeding.Elapsed.TotalSeconds:F1} s");

            var queue = provider.GetRequiredService<IJobQueue>();
            var sweeper = provider.GetRequiredService<RetentionSweeper>();
            var baseline = await EnqueueWhileAsync(queue, Task.Delay(TimeSpan.FromSeconds(3), cancellationToken), cancellationToken);
            var watch = Stopwatch.StartNew();
            var sweep = sweeper.SweepAsync(cancellationToken);
            var during = await EnqueueWhileAsync(queue, sweep, cancellationToken);
            var result = await sweep;
            Report("baseline", baseline);
            Report("during_sweep", during);
            Console.WriteLine($"BENCH sweep_duration {watch.Elapsed.TotalSeconds:F2} s");
            Console.WriteLine($"BENCH sweep_removed_entries {result.Entries} entries");
            Console.WriteLine($"BENCH sweep_removed_log_entries {result.LogEntries} entries");
            Console.WriteLine($"BENCH sweep_rate {(result.Entries + result.LogEntries) / Math.Max(0.001, watch.Elapsed.TotalSeconds):F0} rows/s");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<double>> EnqueueWhileAsync(IJobQueue queue, Task until, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        while (!until.IsCompleted)
        {
            var started = Stopwatch.GetTimestamp();
            await queue.EnqueueAsync(new EnqueueRequest { ReportId = NoOpReportHandler.ReportId, OnHold = true }, cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return latencies;
    }

    private static void Report(string phase, List<double> latencies)
    {
        Console.WriteLine($"BENCH enqueue_{phase}_count {latencies.Count} calls");
        Console.WriteLine($"BENCH enqueue_{phase}_p50 {Percentiles.Of(latencies, 50):F2} ms");
        Console.WriteLine($"BENCH enqueue_{phase}_p99 {Percentiles.Of(latencies, 99):F2} ms");
        Console.WriteLine($"BENCH enqueue_{phase}_max {(latencies.Count == 0 ? double.NaN : latencies.Max()):F2} ms");
    }

    /// <summary>Old Finished entries (ended a year ago) with five events each, and one finished log entry each; every one deletable.</summary>
    private static void Seed(string file, int count)
    {
        var old = DateTimeOffset.UtcNow.AddYears(-1).UtcTicks.ToString(CultureInfo.InvariantCulture);
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var n = count.ToString(CultureInfo.InvariantCulture);
        command.CommandText =
            $"INSERT INTO queue_jobs (id, report_id, description, shop_code, category_code, priority, status, earliest_start, max_attempts, " +
            "attempts, rerun_delay_ms, timeout_ms, filters, options, created_by, pages, done, failed, skipped, created_at, updated_at, " +
            "ended_at, last_result, fencing_token, cancel_requested, hold_requested, accepted_status, foreground, event_seq) " +
            $"WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {n}) SELECT randomblob(16), 90000, '', 'SHOP', " +
            $"'C' || (i % 10), 1000, 5, {old}, 1, 1, 0, 60000, '[]', '[]', '', 0, 0, 0, 0, {old}, {old}, {old}, 1, 1, 0, 0, 2, 0, 5 FROM s;" +
            $"INSERT INTO queue_job_events (job_id, seq, time, kind, data) SELECT id, k.seq, {old}, 1, '{{}}' FROM queue_jobs, " +
            "(SELECT 1 AS seq UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) k;" +
            "INSERT INTO queue_job_log (job_id, entry_no, report_id, description, shop_code, category_code, attempt, start_time, end_time, " +
            "result, pages, done, failed, skipped, filters, options, node) SELECT id, entry_no, 90000, '', 'SHOP', category_code, 1, " +
            $"{old}, {old}, 1, 0, 0, 0, 0, '[]', '[]', 'bench' FROM queue_jobs;";
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
