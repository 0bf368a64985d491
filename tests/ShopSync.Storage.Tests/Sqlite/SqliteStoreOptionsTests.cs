using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShopSync.Storage.Sqlite;

namespace ShopSync.Storage.Tests.Sqlite;

/// <summary>Validation of the SQLite store's settings.</summary>
public sealed class SqliteStoreOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("shopsync-store-options-").FullName;

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task InitializeAsync_WalAutoCheckpointPagesBelowOne_ThrowsNamingTheSetting(int pages)
    {
        var options = Options.Create(new SqliteStoreOptions
        {
            ConnectionString = $"Data Source={Path.Combine(_folder, "store.db")}",
            WalAutoCheckpointPages = pages,
        });
        using var store = new SqliteJobStore(options, NullLogger<SqliteJobStore>.Instance);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.InitializeAsync(CancellationToken.None));

        Assert.Contains("WalAutoCheckpointPages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_WalAutoCheckpointPagesSet_StoreWorks()
    {
        var options = Options.Create(new SqliteStoreOptions
        {
            ConnectionString = $"Data Source={Path.Combine(_folder, "store.db")}",
            WalAutoCheckpointPages = 10_000,
        });
        using var store = new SqliteJobStore(options, NullLogger<SqliteJobStore>.Instance);

        await store.InitializeAsync(CancellationToken.None);

        Assert.Empty(await store.FindQueuedCategoriesAsync(CancellationToken.None));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by the OS is cleaned with the temp folder.
        }
    }
}
