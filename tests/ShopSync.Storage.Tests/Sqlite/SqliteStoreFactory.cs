using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Sqlite;
using ShopSync.Storage.Tests.Conformance;

namespace ShopSync.Storage.Tests.Sqlite;

/// <summary>A fresh SQLite file per store, in a temp folder removed with the fixture.</summary>
public sealed class SqliteStoreFactory : IStoreFactory, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "shopsync-store-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteJobStore> _stores = [];

    public SqliteStoreFactory()
    {
        Directory.CreateDirectory(_folder);
    }

    public async Task<IJobStore> CreateAsync(CancellationToken cancellationToken)
    {
        var file = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");
        var options = Options.Create(new SqliteStoreOptions { ConnectionString = $"Data Source={file}", Synchronous = SqliteSynchronousMode.Normal });
        var store = new SqliteJobStore(options, NullLogger<SqliteJobStore>.Instance);
        lock (_stores)
        {
            _stores.Add(store);
        }

        await store.InitializeAsync(cancellationToken);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
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
