using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopSync.Storage.Migrations
{
    /// <inheritdoc />
    public partial class EnqueueKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "queue_enqueue_keys",
                columns: table => new
                {
                    request_id = table.Column<string>(type: "TEXT", nullable: false),
                    request_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    job_ids = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_queue_enqueue_keys", x => x.request_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_queue_enqueue_keys_expires",
                table: "queue_enqueue_keys",
                column: "expires_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "queue_enqueue_keys");
        }
    }
}
