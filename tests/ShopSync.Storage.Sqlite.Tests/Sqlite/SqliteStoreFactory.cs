using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Sqlite;
using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Tests.Sqlite;

/// <summary>A fresh SQLite file per store, in a temp folder removed with the fixture.</summary>
public sealed class SqliteStoreFactory : ISharedStoreFactory, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "shopsync-store-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteJobStore> _stores = [];

    public SqliteStoreFactory()
    {
        Directory.CreateDirectory(_folder);
    }

    public Task<IJobStore> CreateAsync(CancellationToken cancellationToken) =>
        OpenAsync(Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db"), cancellationToken);

    /// <summary>Two stores ("two nodes", two writers) on one file.</summary>
    public async Task<(IJobStore NodeA, IJobStore NodeB)> CreatePairAsync(CancellationToken cancellationToken)
    {
        var file = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");
        return (await OpenAsync(file, cancellationToken), await OpenAsync(file, cancellationToken));
    }

    private async Task<IJobStore> OpenAsync(string file, CancellationToken cancellationToken)
    {
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
