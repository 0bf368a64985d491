using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Tests.Sqlite;

/// <summary>The retention conformance suite on the SQLite driver.</summary>
public sealed class SqliteJobStorePurgeConformanceTests(SqliteStoreFactory factory)
    : JobStorePurgeConformanceTests, IClassFixture<SqliteStoreFactory>
{
    protected override IStoreFactory Factory => factory;
}
