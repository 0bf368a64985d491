using ShopSync.Queue.Scheduling;

namespace ShopSync.Storage.Postgres.Schedules;

internal sealed partial class PostgresScheduleStore
{
    private const string AdvanceSql =
        "UPDATE schedules SET next_occurrence = $1, last_occurrence = $2, current_job_id = COALESCE($3, current_job_id), " +
        "version = version + 1 WHERE id = $4 AND version = $5";

    // Idempotent across nodes: the second recorder of an occurrence waits for the first's commit and then does nothing.
    private const string InsertPendingSql =
        "INSERT INTO schedule_occurrences (schedule_id, occurrence_utc, job_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";

    private const string DeletePendingSql =
        "DELETE FROM schedule_occurrences WHERE schedule_id = $1 AND occurrence_utc = $2 AND job_id = $3";

    // The last result is information only: no version change, so it never makes a concurrent advance fail.
    private const string RecordResultSql =
        "UPDATE schedules SET last_run_at = COALESCE($1, last_run_at), last_result = $2 WHERE id = $3";

    private const string StopSql =
        "UPDATE schedules SET state = 3, next_occurrence = NULL, version = version + 1 WHERE id = $1 AND state = 1";

    private const string ContinueSql =
        "UPDATE schedules SET next_occurrence = $1, version = version + 1 WHERE id = $2 AND state = 1 AND next_occurrence IS NULL";

    public async Task<IReadOnlySet<Guid>> AdvanceAsync(IReadOnlyList<ScheduleAdvance> advances, CancellationToken cancellationToken)
    {
        var advanced = new HashSet<Guid>();
        if (advances.Count == 0)
        {
            return advanced;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Rows are locked in id order, so two nodes advancing overlapping batches wait for each other, never deadlock.
        foreach (var a in advances.OrderBy(a => a.ScheduleId))
        {
            var changed = await Pg.Command(
                connection,
                transaction,
                AdvanceSql,
                Pg.Utc(a.NextOccurrence),
                Pg.Utc(a.LastOccurrence),
                a.Queued.Count > 0 ? a.Queued[^1].JobId : null,
                a.ScheduleId,
                a.ExpectedVersion).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            if (changed == 1)
            {
                advanced.Add(a.ScheduleId);
            }
            // Recorded either way: the entries exist, whoever advanced the schedule.
            foreach (var q in a.Queued.OrderBy(q => q.OccurrenceUtc))
            {
                await Pg.Command(connection, transaction, InsertPendingSql, a.ScheduleId, Pg.Utc(q.OccurrenceUtc), q.JobId)
                    .ExecuteAsync(cancellationToken).ConfigureAwait(false);
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var s in settlements.OrderBy(s => s.Occurrence.ScheduleId))
        {
            var id = s.Occurrence.ScheduleId;
            var removed = await Pg.Command(connection, transaction, DeletePendingSql, id, Pg.Utc(s.Occurrence.OccurrenceUtc), s.Occurrence.JobId)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            if (removed == 0)
            {
                // Already settled (an end seen twice, or by another node) or the schedule is gone.
                continue;
            }
            await Pg.Command(connection, transaction, RecordResultSql, Pg.Utc(s.EndedAt), (int)s.Result, id).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            if (s.StopSchedule)
            {
                await Pg.Command(connection, transaction, StopSql, id).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (s.NextOccurrence is { } following)
            {
                await Pg.Command(connection, transaction, ContinueSql, Pg.Utc(following), id).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
