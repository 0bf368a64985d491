using Microsoft.Data.Sqlite;
using ShopSync.Queue.Scheduling;
using ShopSync.Storage.Conformance;
using ShopSync.Storage.Schedules;
using ShopSync.Testing;

namespace ShopSync.Storage.Tests.Schedules;

/// <summary>A fresh SQLite file per pair of schedule stores, in a temp folder removed with the fixture.</summary>
public sealed class SqliteScheduleStoreFactory : IScheduleStoreFactory, IDisposable
{
    private readonly TempDirectory _folder = new("shopsync-schedule-store");

    public async Task<(IScheduleStore NodeA, IScheduleStore NodeB)> CreateSchedulePairAsync(CancellationToken cancellationToken)
    {
        var connectionString = $"Data Source={_folder.File(Guid.NewGuid().ToString("N") + ".db")}";
        var a = new SqliteScheduleStore(connectionString, writesAudit: false);
        var b = new SqliteScheduleStore(connectionString, writesAudit: false);
        await a.InitializeAsync(cancellationToken);
        await b.InitializeAsync(cancellationToken);
        return (a, b);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
