using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Tests.Schedules;

/// <summary>The schedule store's conformance suite on the SQLite driver.</summary>
public sealed class SqliteScheduleStoreConformanceTests(SqliteScheduleStoreFactory factory)
    : ScheduleStoreConformanceTests, IClassFixture<SqliteScheduleStoreFactory>
{
    protected override IScheduleStoreFactory Factory => factory;
}
