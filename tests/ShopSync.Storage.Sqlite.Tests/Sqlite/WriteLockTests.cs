using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Errors;
using ShopSync.Storage.Sqlite;
using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Tests.Sqlite;

/// <summary>Another connection holding the write lock past the busy timeout: every caller is answered, typed, and the store recovers.</summary>
public sealed class WriteLockTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly string _folder = Directory.CreateTempSubdirectory("shopsync-write-lock-").FullName;

    [Fact]
    public async Task InsertAsync_OneWriteWhileAnotherConnectionHoldsTheWriteLock_FailsBusyNamingTheFile()
    {
        var file = Path.Combine(_folder, "locked.db");
        using var store = await OpenAsync(file);
        using (await HoldWriteLockAsync(file))
        {
            var error = await Assert.ThrowsAsync<StorageUnavailableException>(
                () => store.InsertAsync([TestJobs.New()], CancellationToken.None).WaitAsync(Bound));

            Assert.Equal(StorageFailureReason.Busy, error.Reason);
            Assert.Contains("locked by another process", error.Message, StringComparison.Ordinal);
            Assert.Contains(file, error.Message, StringComparison.Ordinal);
        }

        var stored = await store.InsertAsync([TestJobs.New()], CancellationToken.None).WaitAsync(Bound);
        Assert.Single(stored.Value);
    }

    [Fact]
    public async Task InsertAsync_ManyConcurrentWritesWhileLocked_EveryOneIsAnsweredAndTheStoreRecovers()
    {
        var file = Path.Combine(_folder, "locked-many.db");
        using var store = await OpenAsync(file);
        using (await HoldWriteLockAsync(file))
        {
            var writes = Enumerable.Range(0, 20).Select(i => store.InsertAsync([TestJobs.New()], CancellationToken.None)).ToList();
            var claim = store.ClaimAsync(TestJobs.Claim(), CancellationToken.None);

            foreach (var write in writes)
            {
                var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => write.WaitAsync(Bound));
                Assert.Equal(StorageFailureReason.Busy, error.Reason);
            }

            Assert.Equal(StorageFailureReason.Busy, (await Assert.ThrowsAsync<StorageUnavailableException>(() => claim.WaitAsync(Bound))).Reason);
        }

        var after = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => store.InsertAsync([TestJobs.New()], CancellationToken.None))).WaitAsync(Bound);
        Assert.Equal(5, after.Length);
    }

    private static async Task<SqliteJobStore> OpenAsync(string file)
    {
        var options = Options.Create(new SqliteStoreOptions
        {
            ConnectionString = $"Data Source={file}",
            Synchronous = SqliteSynchronousMode.Normal,
            BusyTimeoutSeconds = 1,
        });
        var store = new SqliteJobStore(options, NullLogger<SqliteJobStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    /// <summary>A second connection (as another process would) that holds BEGIN IMMEDIATE until disposed.</summary>
    private static async Task<IDisposable> HoldWriteLockAsync(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        var transaction = connection.BeginTransaction(deferred: false);
        return new Holder(connection, transaction);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by the OS is cleaned with the temp folder.
        }
    }

    private sealed class Holder(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
    {
        public void Dispose()
        {
            transaction.Rollback();
            transaction.Dispose();
            connection.Dispose();
        }
    }
}
