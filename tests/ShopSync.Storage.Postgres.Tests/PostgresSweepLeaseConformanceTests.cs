using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>The sweep-lease conformance suite on the PostgreSQL driver.</summary>
public sealed class PostgresSweepLeaseConformanceTests(PostgresStoreFactory factory) : SweepLeaseConformanceTests, IClassFixture<PostgresStoreFactory>
{
    protected override IStoreFactory Factory => factory;
}
