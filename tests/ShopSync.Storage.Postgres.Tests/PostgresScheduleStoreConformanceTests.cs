using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>The schedule store's conformance suite on the PostgreSQL driver.</summary>
public sealed class PostgresScheduleStoreConformanceTests(PostgresScheduleStoreFactory factory)
    : ScheduleStoreConformanceTests, IClassFixture<PostgresScheduleStoreFactory>
{
    protected override IScheduleStoreFactory Factory => factory;
}
