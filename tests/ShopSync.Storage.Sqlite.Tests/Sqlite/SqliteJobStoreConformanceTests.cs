using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Tests.Sqlite;

/// <summary>The conformance suite on the SQLite driver.</summary>
public sealed class SqliteJobStoreConformanceTests : JobStoreConformanceTests, IClassFixture<SqliteStoreFactory>
{
    private readonly SqliteStoreFactory _factory;

    public SqliteJobStoreConformanceTests(SqliteStoreFactory factory)
    {
        _factory = factory;
    }

    protected override IStoreFactory Factory => _factory;
}
