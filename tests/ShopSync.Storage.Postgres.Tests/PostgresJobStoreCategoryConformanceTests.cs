using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>The category overview conformance suite on the PostgreSQL driver.</summary>
public sealed class PostgresJobStoreCategoryConformanceTests(PostgresStoreFactory factory) : JobStoreCategoryConformanceTests, IClassFixture<PostgresStoreFactory>
{
    protected override IStoreFactory Factory => factory;
}
