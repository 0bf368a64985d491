using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShopSync.Benchmarks.Engine;
using ShopSync.Queue.Diagnostics;
using ShopSync.Queue.Dispatching;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Postgres;
using ShopSync.Storage.Sqlite;

namespace ShopSync.Benchmarks.Handover;

/// <summary>
/// `handover [--store sqlite|postgres] [--scale F]`: the store's hand-over on its own, in this process, with no server,
/// dispatcher, handler or gRPC. Each category has one loop that completes its run with the category's next claim in the
/// same call (<see cref="IJobStore.CompleteAsync"/>, the completion planned by the engine's own planner) until the
/// category is empty: 20,000 entries in one category, and 90,000 over 100 categories (100 loops at once, which the
/// store's group commit merges), the counts of `engine`'s process1 and process100. It prints
/// <c>store_handover_1cat_per_s</c>, <c>store_handover_100cat_per_s</c> and this process's CPU per hand-over: the ceiling
/// the store sets for `engine`, so that what the engine's figures lose against it is the server's part.
/// </summary>
internal static class HandoverBenchmark
{
    private const string Owner = "handover-bench";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var store = "sqlite";
        var scale = 1.0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--store" when i + 1 < args.Length && args[i + 1] is "sqlite" or "postgres":
                    store = args[++i];
                    break;
                case "--scale" when i + 1 < args.Length && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f > 0:
                    scale = f;
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"handover: unknown or incomplete option {args[i]}; options: --store sqlite|postgres, --scale F (> 0)");
                    return 2;
            }
        }

        var directory = Directory.CreateTempSubdirectory("shopsync-handover-bench-");
        try
        {
            var scenarios = new[] { ("1cat", 1, (int)(20_000 * scale)), ("100cat", 100, (int)(90_000 * scale)) };
            if (store == "sqlite")
            {
                foreach (var (name, categories, count) in scenarios)
                {
                    using var sqlite = await OpenSqliteAsync(Path.Combine(directory.FullName, name + ".db"), cancellationToken);
                    await MeasureAsync(sqlite, name, categories, count, cancellationToken);
                }
            }
            else
            {
                await using var postgres = await BenchPostgres.StartAsync(EngineServer.RepositoryRoot(), cancellationToken);
                foreach (var (name, categories, count) in scenarios)
                {
                    var connection = (await postgres.CreateDatabaseAsync("handover" + name, 1, cancellationToken))[0];
                    using var pg = new PostgresJobStore(
                        Options.Create(new PostgresStoreOptions { ConnectionString = connection }), NullLogger<PostgresJobStore>.Instance, TimeProvider.System);
                    await pg.InitializeAsync(cancellationToken);
                    await MeasureAsync(pg, name, categories, count, cancellationToken);
                }
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static async Task<SqliteJobStore> OpenSqliteAsync(string file, CancellationToken cancellationToken)
    {
        // The server's defaults: synchronous=FULL, the same batch size and caches.
        var store = new SqliteJobStore(Options.Create(new SqliteStoreOptions { ConnectionString = $"Data Source={file}" }), NullLogger<SqliteJobStore>.Instance);
        await store.InitializeAsync(cancellationToken);
        return store;
    }

    private static async Task MeasureAsync(IJobStore store, string name, int categories, int count, CancellationToken cancellationToken)
    {
        var codes = Enumerable.Range(0, categories).Select(c => "BENCH" + c.ToString("D3", CultureInfo.InvariantCulture)).ToArray();
        var due = DateTimeOffset.UtcNow.AddSeconds(-1);
        const int Chunk = 5_000;
        for (var first = 0; first < count; first += Chunk)
        {
            var jobs = Enumerable.Range(first, Math.Min(Chunk, count - first)).Select(i => NewEntry(codes[i % categories], due)).ToArray();
            _ = (await store.InsertAsync(jobs, cancellationToken)).Value;
        }

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var done = await Task.WhenAll(codes.Select(code => Task.Run(() => DrainAsync(store, code, cancellationToken), cancellationToken)));
        var elapsed = clock.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var handedOver = done.Sum();
        if (handedOver != count)
        {
            throw new InvalidOperationException($"handover {name}: {handedOver} runs ended, {count} were queued.");
        }

        Console.WriteLine(FormattableString.Invariant($"BENCH store_handover_{name}_per_s {count / elapsed.TotalSeconds:F0} entries/s"));
        Console.WriteLine(FormattableString.Invariant($"BENCH store_handover_{name}_cpu_us {cpu.TotalMicroseconds / count:F0} us/entry"));
    }

    /// <summary>Runs the category dry: claim its head, then end each run with the next claim in the same call.</summary>
    private static async Task<int> DrainAsync(IJobStore store, string category, CancellationToken cancellationToken)
    {
        var claims = (await store.ClaimAsync(Request(category), cancellationToken)).Value;
        var claim = claims.Count == 1 ? claims[0] : null;
        var ended = 0;
        while (claim is { Status: CategoryClaimStatus.Claimed, Job: { } job })
        {
            var end = CompletionPlanner.Plan(job, claim.LogEntryId, new RunEnd(JobResult.Succeeded, null, null), JobProgress.None, null, DateTimeOffset.UtcNow, 0.5);
            var result = await store.CompleteAsync(end, Request(category), cancellationToken);
            if (!result.Accepted)
            {
                throw new InvalidOperationException($"handover: the completion of {job.Id} was fenced out.");
            }

            ended++;
            claim = result.Next;
        }

        return ended;
    }

    private static ClaimRequest Request(string category)
    {
        var now = DateTimeOffset.UtcNow;
        return new ClaimRequest([category], Owner, now, now + Lease);
    }

    private static NewJob NewEntry(string category, DateTimeOffset due) => new(new Job
    {
        Id = Guid.CreateVersion7(),
        EntryNo = 0,
        ReportId = NoOpReportHandler.ReportId,
        Description = "no-op",
        ShopCode = "BENCH",
        CategoryCode = category,
        Status = JobStatus.Ready,
        EarliestStart = due,
        MaxAttempts = 1,
        CreatedBy = Owner,
        CreatedAt = due,
        UpdatedAt = due,
    }, Foreground: false);
}
