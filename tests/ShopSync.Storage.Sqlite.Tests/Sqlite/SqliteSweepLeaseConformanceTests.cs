using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Tests.Sqlite;

public sealed class SqliteSweepLeaseConformanceTests(SqliteStoreFactory factory)
    : SweepLeaseConformanceTests, IClassFixture<SqliteStoreFactory>
{
    protected override IStoreFactory Factory => factory;
}
