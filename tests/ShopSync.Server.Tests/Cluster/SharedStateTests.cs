using Grpc.Core;
using Microsoft.AspNetCore.DataProtection;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Access;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Server.Tests.Schedules;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Cluster;

/// <summary>
/// Two in-process nodes on one PostgreSQL database share the API keys, the Data Protection key ring and the
/// schedules (each node keeps only the connector's data in its own SQLite file).
/// </summary>
[Collection(FeedCollection.Name)]
public sealed class SharedStateTests
{
    private const int NoOpReport = 90000;

    [Fact]
    public async Task ApiKey_CreatedThroughNodeA_AuthenticatesOnNodeB()
    {
        await using var nodes = await TwoNodes.StartAsync(nameof(ApiKey_CreatedThroughNodeA_AuthenticatesOnNodeB), new() { ["Access:Mode"] = "required" });
        var root = await nodes.A.CreateKeyAsync("root", "admin");
        using var channelA = nodes.A.CreateChannel();
        using var channelB = nodes.B.CreateChannel();
        var accessA = new AccessService.AccessServiceClient(channelA.Invoker);
        var accessB = new AccessService.AccessServiceClient(channelB.Invoker);

        var created = await accessA.CreateApiKeyAsync(new CreateApiKeyRequest { Name = "ci", Role = "operator" }, AccessServer.Bearer(root));
        var me = await accessB.WhoAmIAsync(new WhoAmIRequest(), AccessServer.Bearer(created.Secret));
        var listedOnB = await accessB.ListApiKeysAsync(new ListApiKeysRequest(), AccessServer.Bearer(root));
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            accessB.WhoAmIAsync(new WhoAmIRequest(), AccessServer.Bearer(created.Secret[..^2] + "zz")).ResponseAsync);

        Assert.Equal("ci", me.Principal);
        Assert.Equal("operator", me.Role);
        Assert.Equal("api-key", me.Authentication);
        Assert.Equal(["root", "ci"], listedOnB.Keys.Select(k => k.Name));
        Assert.Equal(StatusCode.Unauthenticated, unknown.StatusCode);
        Assert.Equal(2L, await nodes.ScalarAsync("SELECT count(*) FROM access_api_keys"));
        // Not in either node's SQLite file.
        Assert.False(await SqliteHasTableAsync(nodes.FileA, "access_api_keys"));
    }

    [Fact]
    public async Task SecretAndSchedule_TwoNodes_SecretRoundTripsAndEachOccurrenceIsQueuedOnce()
    {
        // 20x: a minute is three real seconds; both nodes share the epoch, so they agree on the time.
        var epoch = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await using var nodes = await TwoNodes.StartAsync(
            nameof(SecretAndSchedule_TwoNodes_SecretRoundTripsAndEachOccurrenceIsQueuedOnce),
            new() { ["Clock:Speed"] = "20", ["Clock:Epoch"] = epoch, ["Queue:LeaseDuration"] = "00:03:20", ["Queue:LeaseCheckInterval"] = "00:00:20" });

        var protectedOnA = nodes.A.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("shops").Protect("shpat_node_a");
        Assert.Equal("shpat_node_a", nodes.B.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("shops").Unprotect(protectedOnA));

        using var channelA = nodes.A.CreateChannel();
        using var channelB = nodes.B.CreateChannel();
        var created = await new ScheduleCalls(channelA).CreateAsync(new ScheduleRecurringRequest
        {
            ReportId = NoOpReport,
            CategoryCode = "SHARED",
            Schedule = new RecurringSchedule { Cron = new CronRecurrence { Expression = "* * * * *" } },
        });
        var callsB = new ScheduleCalls(channelB);
        var entries = await Eventually.ReturnsAsync(
            () => callsB.EntriesAsync(created.Schedule.Id, NoOpReport),
            jobs => jobs.Count(j => j.Status == JobStatus.Finished) >= 4,
            "four finished occurrences",
            TimeSpan.FromSeconds(90));

        // Both schedulers saw every occurrence due; each one is one entry, minute after minute, without a gap.
        var occurrences = entries.Select(j => j.EarliestStart.ToDateTimeOffset()).Order().ToList();
        Assert.Equal(occurrences.Count, occurrences.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, occurrences.Count).Select(i => occurrences[0].AddMinutes(i)), occurrences);
        var log = await callsB.LogAsync(NoOpReport);
        foreach (var job in entries.Where(j => j.Status == JobStatus.Finished))
        {
            Assert.Single(log, e => e.JobId == job.Id);
        }
        Assert.Equal(1L, await nodes.ScalarAsync("SELECT count(*) FROM schedules"));
        Assert.Equal(await nodes.ScalarAsync("SELECT count(*) FROM queue_jobs WHERE schedule_id IS NOT NULL"),
            await nodes.ScalarAsync("SELECT count(DISTINCT occurrence_utc) FROM queue_jobs WHERE schedule_id IS NOT NULL"));
        Assert.False(await SqliteHasTableAsync(nodes.FileA, "schedules"));
    }

    private static async Task<bool> SqliteHasTableAsync(string file, string table)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $t";
        command.Parameters.AddWithValue("$t", table);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}
