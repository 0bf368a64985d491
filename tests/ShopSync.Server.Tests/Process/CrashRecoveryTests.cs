using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Process;

/// <summary>kill -9 of the real server and a restart on the same database file.</summary>
[Collection(RealServerCollection.Name)]
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task KilledMidJob_EntryRunsAgainOnceAndItsCategoryIsReleased()
    {
        using var directory = new TempDirectory("shopsync-crash");
        var db = directory.File("shopsync.db");
        string running;
        string queuedBehind;
        await using (var first = await RealServer.StartAsync(db))
        {
            using var api = RealServer.Api(first);
            running = await api.EnqueueBackgroundAsync(Requests.Diagnostics(steps: 100, stepMs: 50, category: "CRASH"));
            await api.WaitForStatusAsync(running, JobStatus.InProcess);
            queuedBehind = await api.EnqueueBackgroundAsync(Requests.Diagnostics(steps: 1, stepMs: 1, category: "CRASH"));
            Assert.Equal(JobStatus.Waiting, (await api.WaitForJobAsync(queuedBehind, j => j.Status != JobStatus.Ready, "marked waiting")).Status);
            await first.KillAsync();
        }

        await using var second = await RealServer.StartAsync(db);
        using var api2 = RealServer.Api(second);
        var done = await api2.WaitForStatusAsync(running, JobStatus.Finished);
        var behind = await api2.WaitForStatusAsync(queuedBehind, JobStatus.Finished);

        Assert.Equal(JobResult.Succeeded, done.LastResult);
        Assert.Equal(2, done.Attempts);
        var log = await api2.LogEntriesAsync(running);
        Assert.Equal(2, log.Count);
        Assert.Equal(JobResult.Succeeded, log.Single(l => l.Attempt == 2).Result);
        Assert.NotEqual(JobResult.Unspecified, log.Single(l => l.Attempt == 1).Result);
        Assert.Equal(JobResult.Succeeded, behind.LastResult);
        Assert.Single(await api2.LogEntriesAsync(queuedBehind));
        var runs = log.Concat(await api2.LogEntriesAsync(queuedBehind)).Where(l => l.Node != log.Single(x => x.Attempt == 1).Node).ToList();
        Assert.Equal(2, runs.Count);
    }

    [Fact]
    public async Task KilledRightAfterEnqueueAcks_NoAcknowledgedEntryIsLost()
    {
        using var directory = new TempDirectory("shopsync-acks");
        var db = directory.File("shopsync.db");
        var acknowledged = new List<string>();
        await using (var first = await RealServer.StartAsync(db))
        {
            using var api = RealServer.Api(first);
            var singles = Enumerable.Range(0, 20).Select(i =>
            {
                var request = Requests.Diagnostics(steps: 0, category: $"ACK{i % 4}");
                request.OnHold = true;
                return api.EnqueueBackgroundAsync(request);
            });
            var bulk = new EnqueueJobsRequest();
            for (var i = 0; i < 20; i++)
            {
                var request = Requests.Diagnostics(steps: 0, category: "ACK-BULK");
                request.OnHold = true;
                bulk.Jobs.Add(request);
            }
            var bulkCall = api.JobsAsync<EnqueueJobsRequest, EnqueueJobsResponse>("EnqueueJobs", bulk);
            acknowledged.AddRange(await Task.WhenAll(singles));
            acknowledged.AddRange((await bulkCall).JobIds);
            await first.KillAsync();
        }

        await using var second = await RealServer.StartAsync(db);
        using var api2 = RealServer.Api(second);
        var listed = await api2.JobsAsync<ListJobsRequest, ListJobsResponse>("ListJobs", new ListJobsRequest { PageSize = 1000 });

        Assert.Equal(40, acknowledged.Count);
        Assert.Equal(acknowledged.ToHashSet(), listed.Jobs.Select(j => j.Id).ToHashSet());
        Assert.All(listed.Jobs, j => Assert.Equal(JobStatus.OnHold, j.Status));
    }

    [Fact]
    public async Task KilledDuringConcurrentEnqueue_EveryAcknowledgedEntryIsStored()
    {
        using var directory = new TempDirectory("shopsync-acks-live");
        var db = directory.File("shopsync.db");
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var killing = false;
        await using (var first = await RealServer.StartAsync(db))
        {
            using var api = RealServer.Api(first);
            var clients = Enumerable.Range(0, 4).Select(c => Task.Run(async () =>
            {
                for (var i = 0; ; i++)
                {
                    var request = Requests.Diagnostics(steps: 0, category: $"LIVE{c}");
                    request.OnHold = true;
                    try
                    {
                        acknowledged.Add(await api.EnqueueBackgroundAsync(request));
                    }
                    catch (Exception) when (Volatile.Read(ref killing))
                    {
                        return; // The server is gone: this call was never acknowledged.
                    }

                    if (acknowledged.Count >= 200)
                    {
                        enough.TrySetResult();
                    }
                }
            })).ToList();
            await enough.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Volatile.Write(ref killing, true);
            await first.KillAsync();
            await Task.WhenAll(clients).WaitAsync(TimeSpan.FromSeconds(60));
        }

        await using var second = await RealServer.StartAsync(db);
        using var api2 = RealServer.Api(second);
        var stored = new HashSet<string>();
        var token = "";
        do
        {
            var page = await api2.JobsAsync<ListJobsRequest, ListJobsResponse>("ListJobs", new ListJobsRequest { PageSize = 1000, PageToken = token });
            stored.UnionWith(page.Jobs.Select(j => j.Id));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.True(acknowledged.Count >= 200);
        var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged entries were lost");
    }
}
