using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>The idempotent-enqueue conformance suite on the PostgreSQL driver.</summary>
public sealed class PostgresJobStoreEnqueueKeyConformanceTests(PostgresStoreFactory factory)
    : JobStoreEnqueueKeyConformanceTests, IClassFixture<PostgresStoreFactory>
{
    protected override IStoreFactory Factory => factory;
}
