using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Conformance;
using ShopSync.Storage.Model;
using ShopSync.Storage.Sqlite;

namespace ShopSync.Storage.Tests.Sqlite;

/// <summary>
/// Migration BigEndianIds on a file with entries, a schedule's occurrence, events, a run's log row and an enqueue key of
/// two ids: down, every id column holds <see cref="Guid.ToByteArray()"/>'s little-endian bytes (what the store wrote
/// before); up again, the store reads back every id it wrote, and the column holds the big-endian bytes.
/// </summary>
public sealed class BigEndianIdsMigrationTests : IDisposable
{
    private const string Before = "20261201235326_AuditEvents";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string _folder = Directory.CreateTempSubdirectory("shopsync-ids-").FullName;

    [Fact]
    public async Task Migrate_DownThenUp_EveryIdColumnInTheOldOrderThenTheNew_TheStoreReadsEveryIdBack()
    {
        var file = Path.Combine(_folder, "ids.db");
        var scheduleId = Guid.CreateVersion7(TestJobs.T0);
        var scheduled = TestJobs.New("A");
        scheduled = scheduled with { Job = scheduled.Job with { ScheduleId = scheduleId, OccurrenceUtc = TestJobs.T0 } };
        var key = new EnqueueKey("0b6f8c1e-8b5d-4c1e-9a57-2f6d8e0b7c41", [1, 2, 3], TestJobs.T0.AddYears(100));
        Guid[] keyed;
        using (var store = Open(file))
        {
            await store.InitializeAsync(Ct);
            await store.InsertAsync([scheduled], Ct);
            keyed = [.. (await store.InsertAsync([TestJobs.New("B"), TestJobs.New("C")], key, Ct)).JobIds];
            var claims = await store.ClaimAsync(TestJobs.Claim("A"), Ct);
            Assert.Equal(scheduled.Job.Id, Assert.Single(claims.Value).Job?.Id);
        }

        await MigrateAsync(file, Before);
        Assert.Equal(scheduled.Job.Id.ToByteArray(), await ScalarAsync(file, "SELECT id FROM queue_jobs WHERE category_code = 'A'"));
        Assert.Equal(scheduleId.ToByteArray(), await ScalarAsync(file, "SELECT schedule_id FROM queue_jobs WHERE category_code = 'A'"));
        Assert.Null(await ScalarAsync(file, "SELECT schedule_id FROM queue_jobs WHERE category_code = 'B'"));
        Assert.Equal(scheduled.Job.Id.ToByteArray(), await ScalarAsync(file, "SELECT job_id FROM queue_job_log"));
        Assert.Equal(scheduled.Job.Id.ToByteArray(), await ScalarAsync(file, "SELECT job_id FROM queue_job_events WHERE job_id = (SELECT id FROM queue_jobs WHERE category_code = 'A') LIMIT 1"));
        byte[] oldKeyIds = [.. keyed[0].ToByteArray(), .. keyed[1].ToByteArray()];
        Assert.Equal(oldKeyIds, await ScalarAsync(file, "SELECT job_ids FROM queue_enqueue_keys"));

        using (var store = Open(file))
        {
            await store.InitializeAsync(Ct);
            var job = await store.GetAsync(scheduled.Job.Id, Ct);
            Assert.NotNull(job);
            Assert.Equal(scheduleId, job.ScheduleId);
            Assert.NotEmpty(await store.ReadEventsAsync(scheduled.Job.Id, 0, 10, Ct));
            Assert.Equal(scheduled.Job.Id, Assert.Single((await store.ListLogAsync(new JobLogQuery { JobId = scheduled.Job.Id }, Ct)).Entries).JobId);
            var replay = await store.InsertAsync([TestJobs.New("B"), TestJobs.New("C")], key, Ct);
            Assert.True(replay.Replayed);
            Assert.Equal(keyed, replay.JobIds);
            foreach (var id in keyed)
            {
                Assert.NotNull(await store.GetAsync(id, Ct));
            }
        }

        Assert.Equal(scheduled.Job.Id.ToByteArray(bigEndian: true), await ScalarAsync(file, "SELECT id FROM queue_jobs WHERE category_code = 'A'"));
        Assert.Equal(scheduleId.ToByteArray(bigEndian: true), await ScalarAsync(file, "SELECT schedule_id FROM queue_jobs WHERE category_code = 'A'"));
        Assert.Null(await ScalarAsync(file, "SELECT schedule_id FROM queue_jobs WHERE category_code = 'C'"));
    }

    [Fact]
    public void IdBytes_Version7Ids_SortAsTheirTimes()
    {
        // The point of the order: ids made later sort later as stored bytes, so the id indexes grow at one edge.
        var ids = Enumerable.Range(0, 50).Select(i => Guid.CreateVersion7(TestJobs.T0.AddMilliseconds(i * 300))).ToList();
        var stored = ids.Select(IdBytes.ToBlob).ToList();
        var sorted = stored.OrderBy(b => b, Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b))).ToList();

        Assert.Equal(stored, sorted);
        Assert.Equal(ids, stored.Select(b => IdBytes.Read(b)));
        Assert.Throws<InvalidDataException>(() => IdBytes.Read(new byte[15]));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static SqliteJobStore Open(string file) =>
        new(Options.Create(new SqliteStoreOptions { ConnectionString = $"Data Source={file}", Synchronous = SqliteSynchronousMode.Normal }), NullLogger<SqliteJobStore>.Instance);

    private static async Task MigrateAsync(string file, string target)
    {
        var options = new DbContextOptionsBuilder<QueueDbContext>()
            .UseSqlite($"Data Source={file}", o => o.MigrationsHistoryTable("__queue_migrations"))
            .Options;
        await using var context = new QueueDbContext(options);
        await ProcessMigrationLock.RunAsync(() => context.GetService<IMigrator>().MigrateAsync(target, Ct), Ct);
    }

    private static async Task<byte[]?> ScalarAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync() as byte[];
    }
}
