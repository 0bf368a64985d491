using ShopSync.Storage.Conformance.Connector;

namespace ShopSync.Storage.Tests.Connector;

/// <summary>The connector persistence suite on SQLite.</summary>
public sealed class SqliteConnectorPersistenceConformanceTests(SqliteConnectorStoreFactory factory)
    : ConnectorPersistenceConformanceTests, IClassFixture<SqliteConnectorStoreFactory>
{
    protected override IConnectorStoreFactory Factory => factory;
}
