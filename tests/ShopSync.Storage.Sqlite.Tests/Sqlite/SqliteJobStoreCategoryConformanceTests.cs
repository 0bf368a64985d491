using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Tests.Sqlite;

/// <summary>The category overview conformance suite on the SQLite driver.</summary>
public sealed class SqliteJobStoreCategoryConformanceTests(SqliteStoreFactory factory)
    : JobStoreCategoryConformanceTests, IClassFixture<SqliteStoreFactory>
{
    protected override IStoreFactory Factory => factory;
}
