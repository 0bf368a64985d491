using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using ShopSync.Storage.Sqlite;

namespace ShopSync.Storage.Tests.Sqlite;

/// <summary>
/// The single writer's group commit: operations queued while a batch's statements run join that batch's transaction
/// before its commit while the transaction is young, and keep the batch's rules (one failing operation fails alone, a
/// cancelled one is answered and not run).
/// </summary>
public sealed class SqliteWriterGroupCommitTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly string _file = Path.Combine(Path.GetTempPath(), "shopsync-writer-" + Guid.NewGuid().ToString("N") + ".db");

    public SqliteWriterGroupCommitTests()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE probe (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)";
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task Arrival_WhileABatchRuns_JoinsItsTransaction()
    {
        using var writer = new SqliteWriter(Open(), 16, e => e, NullLogger.Instance, Patience);
        using var running = new ManualResetEventSlim();
        using var queued = new ManualResetEventSlim();
        SqliteTransaction? firstTransaction = null;
        SqliteTransaction? secondTransaction = null;

        var first = writer.ExecuteAsync(s =>
        {
            firstTransaction = s.Transaction;
            running.Set();
            Assert.True(queued.Wait(Patience));
            return Insert(s, "first");
        }, CancellationToken.None);
        Assert.True(running.Wait(Patience));
        var second = writer.ExecuteAsync(s =>
        {
            secondTransaction = s.Transaction;
            return Insert(s, "second");
        }, CancellationToken.None);
        queued.Set();
        await Task.WhenAll(first, second).WaitAsync(Patience);

        Assert.NotNull(firstTransaction);
        Assert.Same(firstTransaction, secondTransaction);
        Assert.Equal(["first", "second"], Names());

        // The next operation, queued after that commit, has a transaction of its own.
        SqliteTransaction? thirdTransaction = null;
        await writer.ExecuteAsync(s =>
        {
            thirdTransaction = s.Transaction;
            return Insert(s, "third");
        }, CancellationToken.None).WaitAsync(Patience);
        Assert.NotSame(firstTransaction, thirdTransaction);
    }

    [Fact]
    public async Task Arrival_AfterTheJoinWindow_WaitsForTheNextTransaction()
    {
        using var writer = new SqliteWriter(Open(), 16, e => e, NullLogger.Instance, TimeSpan.Zero);
        using var running = new ManualResetEventSlim();
        using var queued = new ManualResetEventSlim();
        SqliteTransaction? firstTransaction = null;
        SqliteTransaction? secondTransaction = null;
        var firstCommitted = false;

        var first = writer.ExecuteAsync(s =>
        {
            firstTransaction = s.Transaction;
            running.Set();
            Assert.True(queued.Wait(Patience));
            return Insert(s, "first");
        }, CancellationToken.None);
        Assert.True(running.Wait(Patience));
        var second = writer.ExecuteAsync(s =>
        {
            secondTransaction = s.Transaction;
            firstCommitted = first.IsCompletedSuccessfully || Names().Contains("first");
            return Insert(s, "second");
        }, CancellationToken.None);
        queued.Set();
        await Task.WhenAll(first, second).WaitAsync(Patience);

        Assert.NotSame(firstTransaction, secondTransaction);
        Assert.True(firstCommitted);
        Assert.Equal(["first", "second"], Names());
    }

    [Fact]
    public async Task FailingArrival_FailsAlone_AndTheBatchCommits()
    {
        using var writer = new SqliteWriter(Open(), 16, e => e, NullLogger.Instance, Patience);
        using var running = new ManualResetEventSlim();
        using var queued = new ManualResetEventSlim();

        var first = writer.ExecuteAsync(s =>
        {
            running.Set();
            Assert.True(queued.Wait(Patience));
            return Insert(s, "first");
        }, CancellationToken.None);
        Assert.True(running.Wait(Patience));
        var duplicate = writer.ExecuteAsync(s => Insert(s, "first"), CancellationToken.None);
        var after = writer.ExecuteAsync(s => Insert(s, "after"), CancellationToken.None);
        queued.Set();

        Assert.Equal(1, await first.WaitAsync(Patience));
        var error = await Assert.ThrowsAsync<SqliteException>(() => duplicate.WaitAsync(Patience));
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT: the unique name
        Assert.Equal(1, await after.WaitAsync(Patience));
        Assert.Equal(["after", "first"], Names());
    }

    [Fact]
    public async Task CancelledArrival_IsAnsweredCancelled_AndNotRun()
    {
        using var writer = new SqliteWriter(Open(), 16, e => e, NullLogger.Instance, Patience);
        using var running = new ManualResetEventSlim();
        using var queued = new ManualResetEventSlim();
        using var cancel = new CancellationTokenSource();
        var ran = false;

        var first = writer.ExecuteAsync(s =>
        {
            running.Set();
            Assert.True(queued.Wait(Patience));
            return Insert(s, "first");
        }, CancellationToken.None);
        Assert.True(running.Wait(Patience));
        var cancelled = writer.ExecuteAsync(s =>
        {
            ran = true;
            return Insert(s, "cancelled");
        }, cancel.Token);
        await cancel.CancelAsync();
        queued.Set();

        Assert.Equal(1, await first.WaitAsync(Patience));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Patience));
        Assert.False(ran);
        Assert.Equal(["first"], Names());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={_file};Pooling=False");
        connection.Open();
        return connection;
    }

    private static int Insert(WriteSession session, string name)
    {
        using var command = session.AdHoc("INSERT INTO probe (name) VALUES (@name)");
        command.Parameters.AddWithValue("@name", name);
        return command.ExecuteNonQuery();
    }

    private List<string> Names()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM probe ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
