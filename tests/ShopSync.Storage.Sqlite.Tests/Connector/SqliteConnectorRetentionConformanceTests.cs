using ShopSync.Storage.Conformance.Connector;

namespace ShopSync.Storage.Tests.Connector;

/// <summary>The connector retention suite on SQLite.</summary>
public sealed class SqliteConnectorRetentionConformanceTests(SqliteConnectorStoreFactory factory)
    : ConnectorRetentionConformanceTests, IClassFixture<SqliteConnectorStoreFactory>
{
    protected override IConnectorStoreFactory Factory => factory;
}
