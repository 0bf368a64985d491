using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>The search and scope conformance suite on the PostgreSQL driver.</summary>
public sealed class PostgresJobStoreSearchConformanceTests(PostgresStoreFactory factory) : JobStoreSearchConformanceTests, IClassFixture<PostgresStoreFactory>
{
    protected override IStoreFactory Factory => factory;
}
