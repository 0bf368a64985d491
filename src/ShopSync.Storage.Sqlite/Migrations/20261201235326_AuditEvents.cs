using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopSync.Storage.Migrations
{
    /// <inheritdoc />
    public partial class AuditEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    principal = table.Column<string>(type: "TEXT", nullable: false),
                    on_behalf_of = table.Column<string>(type: "TEXT", nullable: true),
                    rpc = table.Column<string>(type: "TEXT", nullable: false),
                    target = table.Column<string>(type: "TEXT", nullable: true),
                    shop = table.Column<string>(type: "TEXT", nullable: true),
                    outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    detail = table.Column<string>(type: "TEXT", nullable: true),
                    peer = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_events", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_principal",
                table: "audit_events",
                columns: new[] { "principal", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_shop",
                table: "audit_events",
                columns: new[] { "shop", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_time",
                table: "audit_events",
                column: "occurred_at");

            // Append-only: no statement may change or remove a record.
            migrationBuilder.Sql("CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_events_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_events_no_delete;");
            migrationBuilder.DropTable(
                name: "audit_events");
        }
    }
}
