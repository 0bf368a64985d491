using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ShopSync.Connector.Persistence;

#nullable disable

namespace ShopSync.Storage.Postgres.Connector.Migrations;

/// <summary>
/// The Shopify cost budgets every node shares (<see cref="PostgresShopifyCostBudgetStore"/>): not part of the
/// connector's EF model (only PostgreSQL has them), so written by hand.
/// </summary>
[DbContext(typeof(ConnectorDbContext))]
[Migration("20261202060000_SharedCostBudgets")]
public sealed class SharedCostBudgets : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE shopify_cost_budgets (
                budget_key text PRIMARY KEY,
                maximum double precision NOT NULL,
                available double precision NOT NULL,
                restore_rate double precision NOT NULL,
                updated_at timestamptz NOT NULL,
                calibrated boolean NOT NULL,
                probe_until timestamptz NULL,
                granted boolean NOT NULL,
                in_flight double precision NOT NULL
            )
            """);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE shopify_cost_budgets");
    }
}
