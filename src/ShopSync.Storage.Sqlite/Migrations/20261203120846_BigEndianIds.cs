using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ShopSync.Storage.Migrations
{
    /// <summary>
    /// Every stored id from <see cref="System.Guid.ToByteArray()"/>'s little-endian order into RFC 9562 (big-endian)
    /// order, the order <c>IdBytes</c> reads and writes from now on. The swap reverses bytes 0-3, 4-5 and 6-7 and keeps
    /// 8-15; it is its own inverse, so Down is the same statements. The columns: <c>queue_jobs.id</c> and
    /// <c>.schedule_id</c>, <c>queue_job_events.job_id</c>, <c>queue_job_log.job_id</c> and
    /// <c>queue_enqueue_keys.job_ids</c> (16 bytes per entry, swapped one id at a time). The model is unchanged.
    /// </summary>
    public partial class BigEndianIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => SwapIds(migrationBuilder);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => SwapIds(migrationBuilder);

        private static void SwapIds(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"UPDATE queue_jobs SET id = {Swapped("id")}, schedule_id = {Swapped("schedule_id")};");
            migrationBuilder.Sql($"UPDATE queue_job_events SET job_id = {Swapped("job_id")};");
            migrationBuilder.Sql($"UPDATE queue_job_log SET job_id = {Swapped("job_id")};");
            // job_ids holds n ids back to back: a recursive CTE over the row's own hex swaps the k-th 32 digits at step k.
            migrationBuilder.Sql(
                "UPDATE queue_enqueue_keys SET job_ids = (WITH RECURSIVE part(k, acc) AS (SELECT 0, '' " +
                $"UNION ALL SELECT k + 1, acc || {SwappedHex("substr(hex(queue_enqueue_keys.job_ids), k * 32 + 1, 32)")} " +
                "FROM part WHERE k < length(queue_enqueue_keys.job_ids) / 16) " +
                "SELECT unhex(acc) FROM part ORDER BY k DESC LIMIT 1) WHERE length(job_ids) > 0;");
        }

        /// <summary>The column's 16 bytes swapped; NULL stays NULL (hex(NULL) is '', and unhex('') an empty blob).</summary>
        private static string Swapped(string column) =>
            $"CASE WHEN {column} IS NULL THEN NULL ELSE unhex({SwappedHex($"hex({column})")}) END";

        /// <summary>32 hex digits with bytes 0-3, 4-5 and 6-7 reversed: every byte is two digits.</summary>
        private static string SwappedHex(string hex) =>
            string.Join(" || ", new[] { 7, 5, 3, 1, 11, 9, 15, 13 }.Select(at => $"substr({hex}, {at}, 2)")) + $" || substr({hex}, 17, 16)";
    }
}
