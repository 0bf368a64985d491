using ShopSync.Storage.Conformance.Health;

namespace ShopSync.Storage.Postgres.Tests.Connector;

/// <summary>The task-health reader suite on PostgreSQL.</summary>
public sealed class PostgresTaskHealthReaderConformanceTests(PostgresTaskHealthStoreFactory factory)
    : TaskHealthReaderConformanceTests, IClassFixture<PostgresTaskHealthStoreFactory>
{
    protected override ITaskHealthStoreFactory Factory => factory;
}
