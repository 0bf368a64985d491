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
/// `handover [--store sqlite|postgres] [--scale F] [--concurrency N] [--statements]`: the store's hand-over on its own, in this process,
/// with no server, dispatcher, handler or gRPC. N slots (default 16, the server's default Queue:MaxConcurrency) each
/// end their run with the next claim in the same call (<see cref="IJobStore.CompleteAsync"/>, the completion planned by
/// the engine's own planner), round-robin over the categories as the dispatcher does, until every category is empty:
/// 20,000 entries in one category, and 90,000 over 100 categories (the store's group commit merges the slots' calls),
/// the counts of `engine`'s process1 and process100. It prints
/// <c>store_handover_1cat_per_s</c>, <c>store_handover_100cat_per_s</c> and this process's CPU per hand-over: the ceiling
/// the store sets for `engine`, so that what the engine's figures lose against it is the server's part. With
/// `--statements` on PostgreSQL it also prints what each statement cost the database per hand-over.
/// </summary>
internal static class HandoverBenchmark
{
    private const string Owner = "handover-bench";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var store = "sqlite";
        var scale = 1.0;
        var slots = 16;
        var statements = false;
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
                case "--concurrency" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    slots = n;
                    i++;
                    break;
                case "--statements":
                    statements = true;
                    break;
                default:
                    Console.Error.WriteLine($"handover: unknown or incomplete option {args[i]}; options: --store sqlite|postgres, --scale F (> 0), --concurrency N (> 0, default 16), --statements (postgres: each statement's cost per hand-over)");
                    return 2;
            }
        }

        var directory = Directory.CreateTempSubdirectory("shopsync-handover-bench-");
        try
        {
            var scenarios = new[] { ("1cat", 1, (int)(20_000 * scale)), ("100cat", 100, (int)(90_000 * scale)) };
            if (store == "sqlite")
            {
                if (statements)
                {
                    Console.Error.WriteLine("handover: --statements counts PostgreSQL's statements; with --store sqlite it prints nothing more");
                }

                foreach (var (name, categories, count) in scenarios)
                {
                    using var sqlite = await OpenSqliteAsync(Path.Combine(directory.FullName, name + ".db"), cancellationToken);
                    await MeasureAsync(sqlite, name, categories, count, slots, null, cancellationToken);
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
                    var database = "handover" + name;
                    await MeasureAsync(pg, name, categories, count, slots, statements ? () => postgres.ResetStatementsAsync(database, cancellationToken) : null, cancellationToken);
                    if (statements)
                    {
                        await PrintStatementsAsync(postgres, database, count, cancellationToken);
                    }
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

    /// <summary>
    /// `--statements`: what each statement cost PostgreSQL per hand-over during the run (pg_stat_statements), dearest
    /// first, and the totals: where PostgreSQL's share of a hand-over goes.
    /// </summary>
    private static async Task PrintStatementsAsync(BenchPostgres postgres, string database, int count, CancellationToken cancellationToken)
    {
        var costs = await postgres.StatementCostsAsync(database, 20, mostCalledFirst: false, cancellationToken);
        if (costs.Count == 0)
        {
            Console.Error.WriteLine("handover: --statements needs pg_stat_statements, which this server does not load");
            return;
        }

        Console.WriteLine(FormattableString.Invariant($"{"calls/ho",9} {"exec us/ho",10} {"plan us/ho",10} {"wal rec/ho",10} {"wal B/ho",9}  statement"));
        foreach (var c in costs)
        {
            Console.WriteLine(CostRow(c.Calls, c.ExecMs, c.PlanMs, c.WalRecords, c.WalBytes, count, c.Query));
        }

        Console.WriteLine(CostRow(
            costs.Sum(c => c.Calls), costs.Sum(c => c.ExecMs), costs.Sum(c => c.PlanMs), costs.Sum(c => c.WalRecords),
            costs.Sum(c => c.WalBytes), count, $"(the {costs.Count} dearest)"));
    }

    /// <summary>One line of the `--statements` table: a statement's (or the totals') cost per hand-over.</summary>
    private static string CostRow(double calls, double execMs, double planMs, double walRecords, double walBytes, int count, string what) =>
        FormattableString.Invariant(
            $"{calls / count,9:F2} {execMs * 1000 / count,10:F1} {planMs * 1000 / count,10:F1} {walRecords / count,10:F1} {walBytes / count,9:F0}  {what}");

    private static async Task MeasureAsync(IJobStore store, string name, int categories, int count, int slots, Func<Task>? beforeRun, CancellationToken cancellationToken)
    {
        var codes = Enumerable.Range(0, categories).Select(c => "BENCH" + c.ToString("D3", CultureInfo.InvariantCulture)).ToArray();
        var due = DateTimeOffset.UtcNow.AddSeconds(-1);
        const int Chunk = 5_000;
        for (var first = 0; first < count; first += Chunk)
        {
            var jobs = Enumerable.Range(first, Math.Min(Chunk, count - first)).Select(i => NewEntry(codes[i % categories], due)).ToArray();
            _ = (await store.InsertAsync(jobs, cancellationToken)).Value;
        }

        if (beforeRun is not null)
        {
            await beforeRun();
        }

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var line = new RoundRobin(codes);
        var done = await Task.WhenAll(Enumerable.Range(0, Math.Min(slots, categories)).Select(_ => Task.Run(() => SlotAsync(store, line, cancellationToken), cancellationToken)));
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

    /// <summary>
    /// One slot of <paramref name="slots"/>: claim a category's head, then end each run with a claim in the same call, of
    /// the category that has waited longest (the run's own one when none waits), as the dispatcher's hand-over does. A
    /// category goes back to the end of the line when its run has ended; one that comes back empty is dry.
    /// </summary>
    private static async Task<int> SlotAsync(IJobStore store, RoundRobin categories, CancellationToken cancellationToken)
    {
        var ended = 0;
        CategoryClaim? claim = null;
        while (true)
        {
            while (claim is not { Status: CategoryClaimStatus.Claimed, Job: not null })
            {
                if (categories.Take() is not { } category)
                {
                    return ended;
                }

                var claims = (await store.ClaimAsync(Request(category), cancellationToken)).Value;
                claim = claims.Count == 1 ? claims[0] : null;
            }

            var job = claim.Job;
            var end = CompletionPlanner.Plan(job, claim.LogEntryId, new RunEnd(JobResult.Succeeded, null, null), JobProgress.None, null, DateTimeOffset.UtcNow, 0.5);
            var next = categories.Take() ?? job.CategoryCode;
            var result = await store.CompleteAsync(end, Request(next), cancellationToken);
            if (!result.Accepted)
            {
                throw new InvalidOperationException($"handover: the completion of {job.Id} was fenced out.");
            }

            ended++;
            if (next != job.CategoryCode)
            {
                categories.Return(job.CategoryCode);
            }

            claim = result.Next;
        }
    }

    /// <summary>The categories without a run, longest waiting first.</summary>
    private sealed class RoundRobin(IEnumerable<string> categories)
    {
        private readonly Queue<string> _waiting = new(categories);

        public string? Take()
        {
            lock (_waiting)
            {
                return _waiting.TryDequeue(out var category) ? category : null;
            }
        }

        public void Return(string category)
        {
            lock (_waiting)
            {
                _waiting.Enqueue(category);
            }
        }
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
