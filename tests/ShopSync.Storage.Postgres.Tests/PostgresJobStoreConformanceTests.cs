using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>The conformance suite on the PostgreSQL driver.</summary>
public sealed class PostgresJobStoreConformanceTests(PostgresStoreFactory factory) : JobStoreConformanceTests, IClassFixture<PostgresStoreFactory>
{
    protected override IStoreFactory Factory => factory;
}
