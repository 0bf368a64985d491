using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Audit;
using ShopSync.Storage.Audit;
using ShopSync.Storage.Sqlite;

namespace ShopSync.Storage.Tests.Audit;

/// <summary>The ambient audit record commits with the change or not at all: on the queue's writer and through EF Core.</summary>
public sealed class AuditTransactionTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "shopsync-audit-" + Guid.NewGuid().ToString("N") + ".db");
    private SqliteJobStore? _store;

    private string ConnectionString => $"Data Source={_file}";

    public async Task InitializeAsync()
    {
        _store = new SqliteJobStore(Options.Create(new SqliteStoreOptions { ConnectionString = ConnectionString }), NullLogger<SqliteJobStore>.Instance);
        await _store.InitializeAsync(CancellationToken.None);
        await ExecuteAsync("CREATE TABLE probe (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
    }

    [Fact]
    public async Task WriterBatch_FailedThenCommittedWrite_RecordOnlyWithTheCommittedChange()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var writer = new SqliteWriter(connection, 16, e => e, NullLogger.Instance);
        var record = Record();

        using (AuditScope.Enter(record))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => writer.ExecuteAsync<int>(s =>
            {
                Insert(s, "rolled-back");
                throw new InvalidOperationException("the change fails after its first statement");
            }, CancellationToken.None));
            Assert.False(record.IsWritten);
            Assert.Equal(0L, await CountAsync("audit_events"));

            await writer.ExecuteAsync(s => Insert(s, "kept"), CancellationToken.None);
            await writer.ExecuteAsync(s => Insert(s, "second write of the same call"), CancellationToken.None);
        }

        Assert.True(record.IsWritten);
        Assert.Equal(1L, await CountAsync("audit_events"));
        Assert.Equal(2L, await CountAsync("probe"));
        var (events, _) = await _store!.ListAsync(new AuditQuery(), CancellationToken.None);
        var stored = Assert.Single(events);
        Assert.Equal(AuditOutcome.Succeeded, stored.Outcome);
        Assert.Equal("shopsync.v1.Test/Change", stored.Rpc);
        Assert.Equal("ops@example", stored.Principal);
    }

    [Fact]
    public async Task WriterBatch_OutsideAnAuditedCall_WritesNoRecord()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var writer = new SqliteWriter(connection, 16, e => e, NullLogger.Instance);

        await writer.ExecuteAsync(s => Insert(s, "background"), CancellationToken.None);

        Assert.Equal(0L, await CountAsync("audit_events"));
    }

    [Fact]
    public async Task EfCoreSaveChanges_FailedThenCommitted_RecordOnlyWithTheCommittedChange()
    {
        var options = new DbContextOptionsBuilder<ProbeContext>().UseSqlite(ConnectionString).AddInterceptors(AuditDbInterceptor.Instance).Options;
        var record = Record();

        using (AuditScope.Enter(record))
        {
            await using (var db = new ProbeContext(options))
            {
                db.Add(new ProbeRow { Name = "taken" });
                await db.SaveChangesAsync();
            }
            Assert.True(record.IsWritten);

            var second = Record();
            using (AuditScope.Enter(second))
            {
                await using var db = new ProbeContext(options);
                db.Add(new ProbeRow { Name = "taken" });
                await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
                Assert.False(second.IsWritten);
            }
        }

        Assert.Equal(1L, await CountAsync("audit_events"));
        Assert.Equal(1L, await CountAsync("probe"));
    }

    [Fact]
    public async Task AuditEvents_UpdateOrDelete_IsRefusedByTheDatabase()
    {
        await _store!.AppendAsync(Record().ToEvent(AuditOutcome.Denied, "PERMISSION_DENIED", "no"), CancellationToken.None);

        var update = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync("UPDATE audit_events SET principal = 'someone else'"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync("DELETE FROM audit_events"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await CountAsync("audit_events"));
    }

    public Task DisposeAsync()
    {
        _store?.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }
        return Task.CompletedTask;
    }

    private static AuditRecord Record() => new()
    {
        OccurredAt = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero),
        Principal = "ops@example",
        Rpc = "shopsync.v1.Test/Change",
        Peer = "ipv4:127.0.0.1:1",
    };

    private static int Insert(WriteSession session, string name)
    {
        using var command = session.AdHoc("INSERT INTO probe (name) VALUES (@name)");
        command.Parameters.AddWithValue("@name", name);
        return command.ExecuteNonQuery();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed class ProbeRow
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
    }

    private sealed class ProbeContext(DbContextOptions<ProbeContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<ProbeRow>(e =>
            {
                e.ToTable("probe");
                e.Property(p => p.Id).HasColumnName("id");
                e.Property(p => p.Name).HasColumnName("name");
            });
    }
}
