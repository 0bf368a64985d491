using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShopSync.Storage.Sqlite;

namespace ShopSync.Storage.Tests.Sqlite;

/// <summary>Validation of the SQLite store's settings.</summary>
public sealed class SqliteStoreOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("shopsync-store-options-").FullName;

    [Theory]
    [InlineData("WalAutoCheckpointPages", 0)]
    [InlineData("WalAutoCheckpointPages", -5)]
    [InlineData("WriterCacheMegabytes", 0)]
    [InlineData("WriterCacheMegabytes", 1025)]
    [InlineData("MaxBatchSize", 0)]
    [InlineData("BusyTimeoutSeconds", 0)]
    public void AddShopSyncSqliteStore_SettingOutOfRange_IsRejectedNamingTheSetting(string setting, int value)
    {
        var services = new ServiceCollection();
        services.AddShopSyncSqliteStore($"Data Source={Path.Combine(_folder, "store.db")}", o =>
        {
            switch (setting)
            {
                case "WalAutoCheckpointPages": o.WalAutoCheckpointPages = value; break;
                case "WriterCacheMegabytes": o.WriterCacheMegabytes = value; break;
                case "BusyTimeoutSeconds": o.BusyTimeoutSeconds = value; break;
                default: o.MaxBatchSize = value; break;
            }
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value);

        Assert.Contains($"Storage:Sqlite:{setting}", error.Message, StringComparison.Ordinal);
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
