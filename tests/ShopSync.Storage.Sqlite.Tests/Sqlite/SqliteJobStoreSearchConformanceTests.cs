using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Tests.Sqlite;

/// <summary>The search and scope conformance suite on the SQLite driver.</summary>
public sealed class SqliteJobStoreSearchConformanceTests(SqliteStoreFactory factory)
    : JobStoreSearchConformanceTests, IClassFixture<SqliteStoreFactory>
{
    protected override IStoreFactory Factory => factory;
}
