using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Server.Tests.Process;
using ShopSync.Testing;
using ShopSync.Testing.Postgres;
using Xunit.Abstractions;

namespace ShopSync.Server.Tests.Cluster;

/// <summary>
/// Three server processes on one PostgreSQL database under random concurrent load (enqueues over ten categories,
/// failures and retries, cancels, holds), while one node is killed (-9) and restarted, another is paused (SIGSTOP)
/// until its leases were recovered and then resumed, and the first one's feed listener is terminated. The database's
/// own record of every run (<see cref="RunWitness"/>) must show: no two runs of a category at once, FIFO by priority,
/// no acknowledged entry lost, every entry finished exactly once (a cut run re-ran).
/// </summary>
[Collection(RealServerCollection.Name)]
public sealed class MultiNodeFaultTests(ITestOutputHelper output)
{
    private const int CategoryCount = 10;
    private const int BurstSize = 6;
    private const int ClientCount = 3;
    private const int OpsPerClient = 400;

    [Fact]
    public async Task ThreeNodes_RandomLoadWithKillPauseAndListenerLoss_EveryEntryRunsOnceInOrderWithoutOverlap()
    {
        var seed = Environment.TickCount;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {what}");
        Phase($"seed {seed}");
        using var folders = new TempDirectory("shopsync-cluster");
        var database = await TestPostgres.CreateDatabaseAsync(nameof(MultiNodeFaultTests));
        var acked = new ConcurrentDictionary<string, EnqueueJobRequest>();
        var touched = new ConcurrentDictionary<string, bool>();
        var dumpNodes = new List<ClusterNode>();
        try
        {
            // A node frozen inside a transaction would hold its row locks (and block the recovery of its leases)
            // until PostgreSQL ends that transaction: the setting production clusters want too (docs/postgres.md).
            await using var cluster = new ClusterNodes(
                new Npgsql.NpgsqlConnectionStringBuilder(database) { Options = "-c idle_in_transaction_session_timeout=2000" }.ConnectionString, folders);
            var first = await cluster.StartAsync("node-1");
            dumpNodes.Add(first);
            await RunWitness.InstallAsync(cluster.Database);
            dumpNodes.AddRange(await Task.WhenAll(cluster.StartAsync("node-2"), cluster.StartAsync("node-3")));
            Phase("three nodes serve");

            // FIFO bursts: per category a gate entry of ~1 s, then entries of random priority queued behind it.
            var random = new Random(seed);
            var bursts = new List<(string Category, string Gate, List<(string Id, DateTimeOffset Acked)> Entries)>();
            for (var c = 0; c < CategoryCount; c++)
            {
                var category = "C" + c.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var gate = await EnqueueAsync(first, Entry(category, 1, steps: 600, stepMs: 100), acked);
                bursts.Add((category, gate!, []));
            }

            var behind = bursts.SelectMany(b => Enumerable.Range(0, BurstSize).Select(_ => (b.Entries, Request: Entry(b.Category, random.Next(1, 5), steps: 1, stepMs: 10))))
                .Select(async item =>
                {
                    var id = await EnqueueAsync(cluster.PickUsable(Random.Shared)!, item.Request, acked);
                    lock (item.Entries)
                    {
                        item.Entries.Add((id!, TimeProvider.System.GetUtcNow()));
                    }
                });
            await Task.WhenAll(behind);

            // Every entry behind a gate is acknowledged: end the gates, and the queued entries start in priority order.
            await Task.WhenAll(bursts.Select(b => first.Api.JobsAsync<CancelJobRequest, CancelJobResponse>(
                "CancelJob", new CancelJobRequest { JobId = b.Gate, Wait = Duration.FromTimeSpan(TimeSpan.FromSeconds(30)) })));
            Phase("bursts queued");
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, ClientCount)
                .Select(i => Task.Run(() => ClientAsync(cluster, new Random(seed + i + 1), acked, touched, stop.Token)))
                .ToArray();

            // Fault 1: kill -9 a node that holds runs (those still In Process after the kill were cut), and start it again.
            var killed = cluster.PickNode("node-2");
            await WaitForLongRunAsync(cluster, killed.Id);
            killed.Killed = true;
            await killed.Server.KillAsync();
            var killedRuns = await cluster.RunsOfAsync(killed.Id);
            Phase($"node-2 killed with {killedRuns.Count} runs");
            dumpNodes.Add(await cluster.StartAsync("node-2r", folderName: "node-2"));
            Phase("node-2r serves");

            // Fault 2: pause a node while it holds runs, until other nodes recovered their leases, then resume it.
            var paused = cluster.PickNode("node-3");
            var pausedRuns = new List<(Guid JobId, long Token)>();
            while (pausedRuns.Count == 0)
            {
                await WaitForLongRunAsync(cluster, paused.Id);
                paused.Paused = true;
                await ClusterNodes.SignalAsync(paused, "-STOP");
                pausedRuns = await cluster.RunsOfAsync(paused.Id);
                if (pausedRuns.Count == 0)
                {
                    // Its runs ended just before the signal: resume and try again.
                    await ClusterNodes.SignalAsync(paused, "-CONT");
                    paused.Paused = false;
                }
            }

            Phase($"node-3 paused with {pausedRuns.Count} runs");
            await WaitRecoveredAsync(cluster.Database, pausedRuns, "the paused node's runs");
            await ClusterNodes.SignalAsync(paused, "-CONT");
            paused.Paused = false;
            Phase("node-3 resumed");
            await Eventually.TrueAsync(
                () => paused.Count("lost its lease") + paused.Count("was rejected: fencing token") + paused.Count("Recording the end of job") > 0,
                "the resumed node finds its runs gone (renewal lost, completion fenced)", TestTimeouts.Signal);

            // Fault 3: the database ends node-1's feed listener; it polls, then listens again.
            Assert.Equal(1L, await cluster.ScalarAsync(
                "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1",
                "shopsync-feed node-1"));
            await Eventually.TrueAsync(() => first.Count("lost the change feed") == 1 && first.Count("listens to the change feed") >= 2,
                "node-1's listener reconnects", TestTimeouts.Signal);

            Phase("node-1 listens again");
            Assert.NotEmpty(killedRuns);
            await stop.CancelAsync();
            await Task.WhenAll(clients);
            await WaitRecoveredAsync(cluster.Database, killedRuns, "the killed node's runs");
            Phase($"load stopped, {acked.Count} acknowledged");
            await DrainAsync(cluster, random);
            Phase("drained");

            var witness = await RunWitness.ReadAsync(cluster.Database);
            var jobs = await JobRowsAsync(cluster);
            AssertNoOverlap(witness);
            AssertEveryRunEndedOnce(witness);
            AssertFinishedExactlyOnce(witness, jobs);
            Assert.All(acked.Keys, id => Assert.True(jobs.ContainsKey(Guid.Parse(id)), $"acknowledged entry {id} is in the queue"));
            await AssertLogMatchesAsync(cluster, witness);
            AssertFifo(witness, bursts, touched);
            foreach (var (jobId, token) in killedRuns.Concat(pausedRuns))
            {
                var runs = witness.Where(w => w.JobId == jobId && w.IsStart).ToList();
                Assert.Contains(runs, w => w.Token == token);
                Assert.True(
                    jobs[jobId].Result == 4 || runs.Any(w => w.Token > token),
                    $"the cut run {jobId}/{token} ran again (or was cancelled)");
            }

            Phase($"{jobs.Count} entries, {witness.Count(w => w.IsStart)} runs, {acked.Count} acknowledged, {touched.Count} held or cancelled");
        }
        catch (Exception e)
        {
            output.WriteLine(e.ToString());
            foreach (var node in dumpNodes)
            {
                output.WriteLine($"---- {node}\n{string.Join('\n', node.Server.Output.Split('\n').TakeLast(60))}");
            }

            throw;
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private static EnqueueJobRequest Entry(string category, int priority, int steps, int stepMs, int failAttempts = 0)
    {
        var request = Requests.Diagnostics(steps: steps, stepMs: stepMs, failAttempts: failAttempts, maxAttempts: 8, category: category);
        request.Priority = priority;

        // Due a minute ago: which entry is due never depends on whose clock reads it.
        request.EarliestStart = Timestamp.FromDateTimeOffset(TimeProvider.System.GetUtcNow().AddMinutes(-1));
        return request;
    }

    private static async Task<string?> EnqueueAsync(ClusterNode node, EnqueueJobRequest request, ConcurrentDictionary<string, EnqueueJobRequest> acked)
    {
        try
        {
            var id = await node.Api.EnqueueBackgroundAsync(request);
            acked[id] = request;
            return id;
        }
        catch (RpcException) when (!node.Usable)
        {
            // The node was killed or paused under the call: not acknowledged (if it committed, the entry is checked anyway).
            return null;
        }
    }

    private static async Task ClientAsync(
        ClusterNodes cluster, Random random, ConcurrentDictionary<string, EnqueueJobRequest> acked, ConcurrentDictionary<string, bool> touched,
        CancellationToken stop)
    {
        for (var op = 0; op < OpsPerClient && !stop.IsCancellationRequested; op++)
        {
            if (cluster.PickUsable(random) is not { } node)
            {
                continue;
            }

            var roll = random.Next(100);
            var ids = acked.Keys.ToArray();
            try
            {
                if (roll < 70 || ids.Length == 0)
                {
                    var category = "C" + random.Next(CategoryCount).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var fail = random.Next(100) < 20 ? 1 : 0;
                    await EnqueueAsync(node, Entry(category, random.Next(1, 5), steps: random.Next(1, 4), stepMs: random.Next(10, 40), fail), acked);
                }
                else if (roll < 80)
                {
                    var id = ids[random.Next(ids.Length)];
                    touched[id] = true;
                    await node.Api.JobsAsync<CancelJobRequest, CancelJobResponse>(
                        "CancelJob", new CancelJobRequest { JobId = id, Wait = Duration.FromTimeSpan(TimeSpan.FromSeconds(5)) });
                }
                else if (roll < 90)
                {
                    var id = ids[random.Next(ids.Length)];
                    touched[id] = true;
                    await node.Api.JobsAsync<HoldJobRequest, HoldJobResponse>("HoldJob", new HoldJobRequest { JobId = id });
                }
                else
                {
                    var held = touched.Keys.ToArray();
                    if (held.Length > 0)
                    {
                        await node.Api.JobsAsync<SetJobReadyRequest, SetJobReadyResponse>("SetJobReady", new SetJobReadyRequest { JobId = held[random.Next(held.Length)] });
                    }
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition || !node.Usable)
            {
                // The entry was in a state the operation does not apply to, or the node went down under the call.
            }

            // Pacing, so the load spans the faults rather than running ahead of them.
            await Task.Delay(random.Next(20, 80), CancellationToken.None);
        }
    }

    /// <summary>
    /// Waits until the node runs one of the long entries (2 s, categories L…), queueing three more whenever none is
    /// queued (the others may take them first): a fault then surely cuts a run. They are not handed to the load's
    /// clients (which would cancel or hold some); the final checks cover them with every other entry.
    /// </summary>
    private static Task WaitForLongRunAsync(ClusterNodes cluster, string nodeId) =>
        Eventually.TrueAsync(
            async () =>
            {
                if (await cluster.ScalarAsync("SELECT COUNT(*) FROM queue_jobs WHERE status = 4 AND lease_owner = $1 AND category_code LIKE 'L%'", nodeId) > 0)
                {
                    return true;
                }

                if (await cluster.ScalarAsync("SELECT COUNT(*) FROM queue_jobs WHERE status IN (2, 3) AND category_code LIKE 'L%'") == 0)
                {
                    var next = await cluster.ScalarAsync("SELECT COUNT(*) FROM queue_jobs WHERE category_code LIKE 'L%'");
                    for (var i = 0; i < 3; i++)
                    {
                        var category = "L" + (next + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        await EnqueueAsync(cluster.PickUsable(Random.Shared)!, Entry(category, 1, steps: 40, stepMs: 50), new ConcurrentDictionary<string, EnqueueJobRequest>());
                    }
                }

                return false;
            },
            nodeId + " runs a long entry",
            TestTimeouts.Signal);

    /// <summary>Waits until each run has an end in the record (another node recovered it).</summary>
    private static Task WaitRecoveredAsync(string database, List<(Guid JobId, long Token)> runs, string what) =>
        Eventually.TrueAsync(
            async () =>
            {
                var witness = await RunWitness.ReadAsync(database);
                return runs.All(r => witness.Any(w => !w.IsStart && w.JobId == r.JobId && w.Token == r.Token));
            },
            what + " were recovered",
            TestTimeouts.Signal);

    /// <summary>Releases every held entry until all entries are finished.</summary>
    private static Task DrainAsync(ClusterNodes cluster, Random random) =>
        Eventually.TrueAsync(
            async () =>
            {
                var jobs = await JobRowsAsync(cluster);
                foreach (var (id, _) in jobs.Where(j => j.Value.Status is 1 or 6))
                {
                    try
                    {
                        await cluster.PickUsable(random)!.Api.JobsAsync<SetJobReadyRequest, SetJobReadyResponse>(
                            "SetJobReady", new SetJobReadyRequest { JobId = id.ToString() });
                    }
                    catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
                    {
                        // It changed in between; looked at again on the next round.
                    }
                }

                return jobs.Values.All(j => j.Status == 5);
            },
            "every entry finished",
            TimeSpan.FromSeconds(90));

    private static async Task<Dictionary<Guid, (int Status, int Result)>> JobRowsAsync(ClusterNodes cluster)
    {
        await using var connection = new Npgsql.NpgsqlConnection(cluster.Database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT id, status, last_result FROM queue_jobs", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var jobs = new Dictionary<Guid, (int, int)>();
        while (await reader.ReadAsync())
        {
            jobs[reader.GetGuid(0)] = (reader.GetInt32(1), reader.GetInt32(2));
        }

        return jobs;
    }

    /// <summary>Per category the record alternates start, end of the same run: never two runs at once.</summary>
    private static void AssertNoOverlap(List<WitnessRow> witness)
    {
        foreach (var category in witness.GroupBy(w => w.Category))
        {
            WitnessRow? open = null;
            foreach (var row in category)
            {
                if (row.IsStart)
                {
                    Assert.True(open is null, $"category {category.Key}: {row.JobId}/{row.Token} started at {row.At:O} while {open?.JobId}/{open?.Token} ran");
                    open = row;
                }
                else
                {
                    Assert.True(open is not null && open.JobId == row.JobId && open.Token == row.Token,
                        $"category {category.Key}: {row.JobId}/{row.Token} ended at {row.At:O} but the open run was {open?.JobId}/{open?.Token}");
                    open = null;
                }
            }

            Assert.Null(open);
        }
    }

    /// <summary>Every run (entry, fencing token) starts once and ends once: a stale node's late writes changed nothing.</summary>
    private static void AssertEveryRunEndedOnce(List<WitnessRow> witness)
    {
        foreach (var run in witness.GroupBy(w => (w.JobId, w.Token)))
        {
            Assert.Equal(1, run.Count(w => w.IsStart));
            Assert.Equal(1, run.Count(w => !w.IsStart));
        }
    }

    /// <summary>Each entry finished once: one successful run for a succeeded entry, none for a cancelled one; only its last run ended it.</summary>
    private static void AssertFinishedExactlyOnce(List<WitnessRow> witness, Dictionary<Guid, (int Status, int Result)> jobs)
    {
        foreach (var (id, (status, result)) in jobs)
        {
            Assert.Equal(5, status);
            var ends = witness.Where(w => w.JobId == id && !w.IsStart).ToList();
            var successes = ends.Count(w => w.Result is 1 or 2);
            Assert.True(result is 1 or 2 or 4, $"entry {id} ended with result {result}");
            Assert.Equal(result is 1 or 2 ? 1 : 0, successes);
            Assert.All(ends.SkipLast(1), w => Assert.NotEqual(5, w.Status));
        }
    }

    /// <summary>The engine's own run log has one entry per witnessed run.</summary>
    private static async Task AssertLogMatchesAsync(ClusterNodes cluster, List<WitnessRow> witness)
    {
        Assert.Equal((long)witness.Count(w => w.IsStart), await cluster.ScalarAsync("SELECT COUNT(*) FROM queue_job_log"));
        Assert.Equal(0L, await cluster.ScalarAsync("SELECT COUNT(*) FROM queue_job_log WHERE end_time IS NULL"));
    }

    /// <summary>
    /// The entries queued behind a category's gate (acknowledged before the gate's run ended, never held or
    /// cancelled by the load) first started in (priority, entry no.) order.
    /// </summary>
    private static void AssertFifo(
        List<WitnessRow> witness, List<(string Category, string Gate, List<(string Id, DateTimeOffset Acked)> Entries)> bursts, ConcurrentDictionary<string, bool> touched)
    {
        var checkedPairs = 0;
        foreach (var (category, gate, entries) in bursts)
        {
            var gateEnd = witness.First(w => w.JobId == Guid.Parse(gate) && !w.IsStart).At;
            var starts = entries
                .Where(e => e.Acked < gateEnd && !touched.ContainsKey(e.Id))
                .Select(e => witness.First(w => w.JobId == Guid.Parse(e.Id) && w.IsStart))
                .OrderBy(w => w.At).ThenBy(w => w.Id)
                .ToList();
            for (var i = 1; i < starts.Count; i++)
            {
                Assert.True((starts[i - 1].Priority, starts[i - 1].EntryNo).CompareTo((starts[i].Priority, starts[i].EntryNo)) < 0,
                    $"category {category}: {starts[i - 1].EntryNo} (priority {starts[i - 1].Priority}) started before {starts[i].EntryNo} (priority {starts[i].Priority})");
                checkedPairs++;
            }
        }

        Assert.True(checkedPairs >= CategoryCount, $"the FIFO check compared {checkedPairs} pairs");
    }
}
