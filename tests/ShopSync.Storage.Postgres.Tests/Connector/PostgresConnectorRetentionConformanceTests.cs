using ShopSync.Storage.Conformance.Connector;

namespace ShopSync.Storage.Postgres.Tests.Connector;

/// <summary>The connector retention suite on PostgreSQL.</summary>
public sealed class PostgresConnectorRetentionConformanceTests(PostgresConnectorStoreFactory factory)
    : ConnectorRetentionConformanceTests, IClassFixture<PostgresConnectorStoreFactory>
{
    protected override IConnectorStoreFactory Factory => factory;
}
