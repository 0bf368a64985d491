using ShopSync.Storage.Conformance.Health;

namespace ShopSync.Storage.Tests.Connector;

/// <summary>The task-health reader suite on SQLite.</summary>
public sealed class SqliteTaskHealthReaderConformanceTests(SqliteTaskHealthStoreFactory factory)
    : TaskHealthReaderConformanceTests, IClassFixture<SqliteTaskHealthStoreFactory>
{
    protected override ITaskHealthStoreFactory Factory => factory;
}
