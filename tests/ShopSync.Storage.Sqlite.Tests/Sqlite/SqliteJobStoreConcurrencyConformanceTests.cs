using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Tests.Sqlite;

/// <summary>The multi-node conformance suite on the SQLite driver: two stores (two writers) on one file.</summary>
public sealed class SqliteJobStoreConcurrencyConformanceTests(SqliteStoreFactory factory)
    : JobStoreConcurrencyConformanceTests, IClassFixture<SqliteStoreFactory>
{
    protected override ISharedStoreFactory Factory => factory;
}
