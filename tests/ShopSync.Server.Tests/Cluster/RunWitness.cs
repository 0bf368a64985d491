using Npgsql;

namespace ShopSync.Server.Tests.Cluster;

/// <summary>
/// An independent record of every run, kept by the database itself: a trigger (installed by the test, not part of the
/// schema) writes a row with <c>clock_timestamp()</c> whenever an entry enters or leaves In Process, with the run's
/// fencing token and node. Within a category the claim waits for the previous run's release (the category row), so
/// these rows order the runs of a category exactly.
/// </summary>
internal static class RunWitness
{
    private const string InstallSql = """
        CREATE TABLE IF NOT EXISTS test_run_witness (
            id bigserial PRIMARY KEY, job_id uuid NOT NULL, category text NOT NULL, priority integer NOT NULL,
            entry_no bigint NOT NULL, kind text NOT NULL, token bigint NOT NULL, node text NULL, result integer NOT NULL,
            status integer NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp());
        CREATE OR REPLACE FUNCTION test_run_witness() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.status = 4 THEN
                INSERT INTO test_run_witness (job_id, category, priority, entry_no, kind, token, node, result, status)
                VALUES (NEW.id, NEW.category_code, NEW.priority, NEW.entry_no, 'start', NEW.fencing_token, NEW.lease_owner, 0, NEW.status);
            ELSIF OLD.status = 4 THEN
                INSERT INTO test_run_witness (job_id, category, priority, entry_no, kind, token, node, result, status)
                VALUES (OLD.id, OLD.category_code, OLD.priority, OLD.entry_no, 'end', OLD.fencing_token, OLD.lease_owner, NEW.last_result, NEW.status);
            END IF;
            RETURN NULL;
        END $$;
        DROP TRIGGER IF EXISTS test_run_witness ON queue_jobs;
        CREATE TRIGGER test_run_witness AFTER UPDATE ON queue_jobs FOR EACH ROW
            WHEN (OLD.status IS DISTINCT FROM NEW.status AND (OLD.status = 4 OR NEW.status = 4)) EXECUTE FUNCTION test_run_witness();
        """;

    public static async Task InstallAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(InstallSql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<WitnessRow>> ReadAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT id, job_id, category, priority, entry_no, kind, token, node, result, status, at FROM test_run_witness ORDER BY at, id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<WitnessRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new WitnessRow(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt64(4), reader.GetString(5) == "start",
                reader.GetInt64(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetInt32(8), reader.GetInt32(9),
                reader.GetFieldValue<DateTimeOffset>(10)));
        }

        return rows;
    }
}

/// <summary>One witnessed transition: a run's start (entered In Process) or end (left it, with the result and new status).</summary>
internal sealed record WitnessRow(
    long Id, Guid JobId, string Category, int Priority, long EntryNo, bool IsStart, long Token, string? Node, int Result, int Status, DateTimeOffset At);
