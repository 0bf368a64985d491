using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>The retention conformance suite on the PostgreSQL driver.</summary>
public sealed class PostgresJobStorePurgeConformanceTests(PostgresStoreFactory factory) : JobStorePurgeConformanceTests, IClassFixture<PostgresStoreFactory>
{
    protected override IStoreFactory Factory => factory;
}
