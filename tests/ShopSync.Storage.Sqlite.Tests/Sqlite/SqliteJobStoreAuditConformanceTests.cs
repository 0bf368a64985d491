using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Tests.Sqlite;

/// <summary>The audit conformance suite on the SQLite driver.</summary>
public sealed class SqliteJobStoreAuditConformanceTests(SqliteStoreFactory factory)
    : JobStoreAuditConformanceTests, IClassFixture<SqliteStoreFactory>
{
    protected override IStoreFactory Factory => factory;
}
