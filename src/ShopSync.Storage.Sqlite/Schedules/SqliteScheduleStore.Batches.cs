using Microsoft.Data.Sqlite;
using ShopSync.Queue.Scheduling;
using static ShopSync.Storage.Schedules.ScheduleRowMapper;

namespace ShopSync.Storage.Schedules;

internal sealed partial class SqliteScheduleStore
{
    private const string AdvanceSql =
        "UPDATE schedules SET next_occurrence = $next, last_occurrence = $last, current_job_id = COALESCE($job, current_job_id), " +
        "version = version + 1 WHERE id = $id AND version = $version";

    private const string InsertPendingSql =
        "INSERT OR IGNORE INTO schedule_occurrences (schedule_id, occurrence_utc, job_id) VALUES ($id, $occurrence, $job)";

    private const string DeletePendingSql =
        "DELETE FROM schedule_occurrences WHERE schedule_id = $id AND occurrence_utc = $occurrence AND job_id = $job";

    // The last result is information only: no version change, so it never makes a concurrent advance fail.
    private const string RecordResultSql =
        "UPDATE schedules SET last_run_at = COALESCE($ended, last_run_at), last_result = $result WHERE id = $id";

    private const string StopSql =
        "UPDATE schedules SET state = 3, next_occurrence = NULL, version = version + 1 WHERE id = $id AND state = 1";

    private const string ContinueSql =
        "UPDATE schedules SET next_occurrence = $next, version = version + 1 WHERE id = $id AND state = 1 AND next_occurrence IS NULL";

    public async Task<IReadOnlySet<Guid>> AdvanceAsync(IReadOnlyList<ScheduleAdvance> advances, CancellationToken cancellationToken)
    {
        var advanced = new HashSet<Guid>();
        if (advances.Count == 0)
        {
            return advanced;
        }
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var advance = Command(connection, transaction, AdvanceSql, "$next", "$last", "$job", "$id", "$version");
        await using var insert = Command(connection, transaction, InsertPendingSql, "$id", "$occurrence", "$job");
        foreach (var a in advances)
        {
            var id = Id(a.ScheduleId);
            var changed = await Run(
                advance,
                cancellationToken,
                Db(Ticks(a.NextOccurrence)),
                a.LastOccurrence.UtcTicks,
                a.Queued.Count > 0 ? a.Queued[^1].JobId.ToString("D") : DBNull.Value,
                id,
                a.ExpectedVersion).ConfigureAwait(false);
            if (changed == 1)
            {
                advanced.Add(a.ScheduleId);
            }
            // Recorded either way: the entries exist, whoever advanced the schedule.
            foreach (var q in a.Queued)
            {
                await Run(insert, cancellationToken, id, q.OccurrenceUtc.UtcTicks, q.JobId.ToString("D")).ConfigureAwait(false);
            }
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return advanced;
    }

    public async Task SettleAsync(IReadOnlyList<ScheduleSettlement> settlements, CancellationToken cancellationToken)
    {
        if (settlements.Count == 0)
        {
            return;
        }
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var delete = Command(connection, transaction, DeletePendingSql, "$id", "$occurrence", "$job");
        await using var record = Command(connection, transaction, RecordResultSql, "$ended", "$result", "$id");
        await using var stop = Command(connection, transaction, StopSql, "$id");
        await using var next = Command(connection, transaction, ContinueSql, "$next", "$id");
        foreach (var s in settlements)
        {
            var id = Id(s.Occurrence.ScheduleId);
            var removed = await Run(delete, cancellationToken, id, s.Occurrence.OccurrenceUtc.UtcTicks, s.Occurrence.JobId.ToString("D"))
                .ConfigureAwait(false);
            if (removed == 0)
            {
                // Already settled (an end seen twice) or the schedule is gone.
                continue;
            }
            await Run(record, cancellationToken, Db(Ticks(s.EndedAt)), (long)s.Result, id).ConfigureAwait(false);
            if (s.StopSchedule)
            {
                await Run(stop, cancellationToken, id).ConfigureAwait(false);
            }
            else if (s.NextOccurrence is { } following)
            {
                await Run(next, cancellationToken, following.UtcTicks, id).ConfigureAwait(false);
            }
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    private static async Task<int> Run(SqliteCommand command, CancellationToken cancellationToken, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static object Db(long? value) => value.HasValue ? value.Value : DBNull.Value;
}
