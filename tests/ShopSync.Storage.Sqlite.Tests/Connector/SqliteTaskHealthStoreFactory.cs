using Microsoft.Extensions.DependencyInjection;
using ShopSync.Queue.Health;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Conformance.Health;

namespace ShopSync.Storage.Tests.Connector;

/// <summary>The SQLite job store and task-health reader as the server registers them, on a fresh file per call.</summary>
public sealed class SqliteTaskHealthStoreFactory : ITaskHealthStoreFactory, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "shopsync-health-" + Guid.NewGuid().ToString("N"));
    private readonly List<ServiceProvider> _providers = [];

    public SqliteTaskHealthStoreFactory()
    {
        Directory.CreateDirectory(_folder);
    }

    public async Task<(IJobStore Store, ITaskHealthReader Reader)> CreateAsync(CancellationToken cancellationToken)
    {
        var file = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");
        var provider = new ServiceCollection().AddLogging().AddShopSyncSqliteStore($"Data Source={file}").BuildServiceProvider();
        lock (_providers)
        {
            _providers.Add(provider);
        }

        var store = provider.GetRequiredService<IJobStore>();
        await store.InitializeAsync(cancellationToken);
        return (store, provider.GetRequiredService<ITaskHealthReader>());
    }

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

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
