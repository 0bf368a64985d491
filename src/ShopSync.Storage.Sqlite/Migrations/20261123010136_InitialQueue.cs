using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopSync.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InitialQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "queue_job_events",
                columns: table => new
                {
                    job_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    time = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    data = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_queue_job_events", x => new { x.job_id, x.seq });
                });

            migrationBuilder.CreateTable(
                name: "queue_job_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    job_id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    entry_no = table.Column<long>(type: "INTEGER", nullable: false),
                    report_id = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    shop_code = table.Column<string>(type: "TEXT", nullable: false),
                    category_code = table.Column<string>(type: "TEXT", nullable: false),
                    attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    start_time = table.Column<long>(type: "INTEGER", nullable: false),
                    end_time = table.Column<long>(type: "INTEGER", nullable: true),
                    result = table.Column<int>(type: "INTEGER", nullable: false),
                    error_message = table.Column<string>(type: "TEXT", nullable: true),
                    error_detail = table.Column<string>(type: "TEXT", nullable: true),
                    pages = table.Column<long>(type: "INTEGER", nullable: false),
                    done = table.Column<long>(type: "INTEGER", nullable: false),
                    failed = table.Column<long>(type: "INTEGER", nullable: false),
                    skipped = table.Column<long>(type: "INTEGER", nullable: false),
                    filters = table.Column<string>(type: "TEXT", nullable: false),
                    options = table.Column<string>(type: "TEXT", nullable: false),
                    node = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_queue_job_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "queue_jobs",
                columns: table => new
                {
                    entry_no = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    report_id = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    shop_code = table.Column<string>(type: "TEXT", nullable: false),
                    category_code = table.Column<string>(type: "TEXT", nullable: false),
                    priority = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    earliest_start = table.Column<long>(type: "INTEGER", nullable: false),
                    expiration = table.Column<long>(type: "INTEGER", nullable: true),
                    max_attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    rerun_delay_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    timeout_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    filters = table.Column<string>(type: "TEXT", nullable: false),
                    options = table.Column<string>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", nullable: false),
                    error_message = table.Column<string>(type: "TEXT", nullable: true),
                    error_detail = table.Column<string>(type: "TEXT", nullable: true),
                    progress_percent = table.Column<int>(type: "INTEGER", nullable: true),
                    progress_message = table.Column<string>(type: "TEXT", nullable: true),
                    pages = table.Column<long>(type: "INTEGER", nullable: false),
                    done = table.Column<long>(type: "INTEGER", nullable: false),
                    failed = table.Column<long>(type: "INTEGER", nullable: false),
                    skipped = table.Column<long>(type: "INTEGER", nullable: false),
                    checkpoint = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: true),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_result = table.Column<int>(type: "INTEGER", nullable: false),
                    schedule_id = table.Column<byte[]>(type: "BLOB", nullable: true),
                    occurrence_utc = table.Column<long>(type: "INTEGER", nullable: true),
                    lease_owner = table.Column<string>(type: "TEXT", nullable: true),
                    lease_expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    fencing_token = table.Column<long>(type: "INTEGER", nullable: false),
                    cancel_requested = table.Column<bool>(type: "INTEGER", nullable: false),
                    hold_requested = table.Column<bool>(type: "INTEGER", nullable: false),
                    accepted_status = table.Column<int>(type: "INTEGER", nullable: false),
                    foreground = table.Column<bool>(type: "INTEGER", nullable: false),
                    event_seq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_queue_jobs", x => x.entry_no);
                });

            migrationBuilder.CreateIndex(
                name: "ix_queue_job_log_job",
                table: "queue_job_log",
                columns: new[] { "job_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_queue_job_log_shop",
                table: "queue_job_log",
                columns: new[] { "shop_code", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_queue_jobs_queued",
                table: "queue_jobs",
                columns: new[] { "category_code", "priority", "entry_no" },
                filter: "status IN (2, 3)");

            migrationBuilder.CreateIndex(
                name: "ix_queue_jobs_ready",
                table: "queue_jobs",
                columns: new[] { "category_code", "earliest_start" },
                filter: "status = 2");

            migrationBuilder.CreateIndex(
                name: "ux_queue_jobs_id",
                table: "queue_jobs",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_queue_jobs_in_process",
                table: "queue_jobs",
                column: "category_code",
                unique: true,
                filter: "status = 4");

            migrationBuilder.CreateIndex(
                name: "ux_queue_jobs_occurrence",
                table: "queue_jobs",
                columns: new[] { "schedule_id", "occurrence_utc" },
                unique: true,
                filter: "schedule_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "queue_job_events");

            migrationBuilder.DropTable(
                name: "queue_job_log");

            migrationBuilder.DropTable(
                name: "queue_jobs");
        }
    }
}
