using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Tests.Sqlite;

/// <summary>The enqueue-key conformance suite on the SQLite driver.</summary>
public sealed class SqliteJobStoreEnqueueKeyConformanceTests(SqliteStoreFactory factory)
    : JobStoreEnqueueKeyConformanceTests, IClassFixture<SqliteStoreFactory>
{
    protected override IStoreFactory Factory => factory;
}
