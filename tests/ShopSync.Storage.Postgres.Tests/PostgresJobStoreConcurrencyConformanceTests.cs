using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>The multi-node conformance suite (two stores, two nodes, on one database) on the PostgreSQL driver.</summary>
public sealed class PostgresJobStoreConcurrencyConformanceTests(PostgresStoreFactory factory) : JobStoreConcurrencyConformanceTests, IClassFixture<PostgresStoreFactory>
{
    protected override ISharedStoreFactory Factory => factory;
}
