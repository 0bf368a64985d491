using ShopSync.Storage.Conformance.Connector;

namespace ShopSync.Storage.Postgres.Tests.Connector;

/// <summary>The connector persistence suite on PostgreSQL.</summary>
public sealed class PostgresConnectorPersistenceConformanceTests(PostgresConnectorStoreFactory factory)
    : ConnectorPersistenceConformanceTests, IClassFixture<PostgresConnectorStoreFactory>
{
    protected override IConnectorStoreFactory Factory => factory;
}
