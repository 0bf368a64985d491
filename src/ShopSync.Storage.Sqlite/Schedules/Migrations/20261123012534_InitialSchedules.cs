using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopSync.Storage.Schedules.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchedules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "schedule_occurrences",
                columns: table => new
                {
                    schedule_id = table.Column<string>(type: "TEXT", nullable: false),
                    occurrence_utc = table.Column<long>(type: "INTEGER", nullable: false),
                    job_id = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schedule_occurrences", x => new { x.schedule_id, x.occurrence_utc });
                });

            migrationBuilder.CreateTable(
                name: "schedules",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    shop_code = table.Column<string>(type: "TEXT", nullable: false),
                    report_id = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    category_code = table.Column<string>(type: "TEXT", nullable: true),
                    priority = table.Column<int>(type: "INTEGER", nullable: true),
                    filters = table.Column<string>(type: "TEXT", nullable: false),
                    options = table.Column<string>(type: "TEXT", nullable: false),
                    max_attempts = table.Column<int>(type: "INTEGER", nullable: true),
                    rerun_delay_ms = table.Column<long>(type: "INTEGER", nullable: true),
                    timeout_ms = table.Column<long>(type: "INTEGER", nullable: true),
                    time_zone = table.Column<string>(type: "TEXT", nullable: false),
                    earliest_start = table.Column<long>(type: "INTEGER", nullable: true),
                    expiration = table.Column<long>(type: "INTEGER", nullable: true),
                    form = table.Column<int>(type: "INTEGER", nullable: false),
                    weekdays = table.Column<int>(type: "INTEGER", nullable: false),
                    starting_time = table.Column<string>(type: "TEXT", nullable: true),
                    ending_time = table.Column<string>(type: "TEXT", nullable: true),
                    minutes_between_runs = table.Column<int>(type: "INTEGER", nullable: false),
                    formula = table.Column<string>(type: "TEXT", nullable: true),
                    cron = table.Column<string>(type: "TEXT", nullable: true),
                    anchoring = table.Column<int>(type: "INTEGER", nullable: false),
                    catch_up = table.Column<int>(type: "INTEGER", nullable: false),
                    catch_up_limit = table.Column<int>(type: "INTEGER", nullable: false),
                    overlap = table.Column<int>(type: "INTEGER", nullable: false),
                    on_failure = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    next_occurrence = table.Column<long>(type: "INTEGER", nullable: true),
                    last_occurrence = table.Column<long>(type: "INTEGER", nullable: true),
                    last_run_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_result = table.Column<int>(type: "INTEGER", nullable: false),
                    current_job_id = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schedules", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_schedules_due",
                table: "schedules",
                column: "next_occurrence",
                filter: "state = 1 AND next_occurrence IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_schedules_shop_report",
                table: "schedules",
                columns: new[] { "shop_code", "report_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "schedule_occurrences");

            migrationBuilder.DropTable(
                name: "schedules");
        }
    }
}
