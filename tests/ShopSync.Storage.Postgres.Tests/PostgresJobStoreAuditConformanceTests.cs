using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>The audit conformance suite on the PostgreSQL driver.</summary>
public sealed class PostgresJobStoreAuditConformanceTests(PostgresStoreFactory factory) : JobStoreAuditConformanceTests, IClassFixture<PostgresStoreFactory>
{
    protected override IStoreFactory Factory => factory;
}
