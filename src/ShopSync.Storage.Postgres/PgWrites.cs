using Npgsql;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Postgres;

/// <summary>
/// Completion (fenced by the run's token, then the hand-over claims in the same transaction), operator changes
/// (conditional on the expected status), deletes, progress, checkpoints and lease renewal.
/// </summary>
internal static class PgWrites
{
    // The fenced update of the entry, the close of its run's log entry and the completion's events in one statement (one
    // round trip): the log entry is closed and the events written only when the fenced update matched. $18 is the run's
    // log entry, or NULL for the entry's open one; $19/$20 the events' kinds and payloads, numbered after the entry's
    // last event. A hold asked for during the run ends the entry On Hold instead of Ready and adds its status change
    // ($21/$22) under the next number. Its batch starts with the claim's settings (PgClaims.AddClaimSettings), so it
    // too is planned once per connection: its plan is key lookups whatever the parameters.
    private static readonly string CompleteSql =
        "WITH j AS (UPDATE queue_jobs SET status = CASE WHEN hold_requested AND $4::integer = 2 THEN 1 ELSE $4::integer END, last_result = $5::integer, " +
        "ended_at = $3, updated_at = $3, earliest_start = COALESCE($6::timestamptz, earliest_start), error_message = $7::text, " +
        "error_detail = $8::text, progress_percent = COALESCE($9::integer, progress_percent), progress_message = COALESCE($10::text, progress_message), " +
        "pages = COALESCE($11::bigint, pages), done = COALESCE($12::bigint, done), failed = COALESCE($13::bigint, failed), " +
        "skipped = COALESCE($14::bigint, skipped), " +
        "attempts = CASE WHEN $15::boolean THEN 0 WHEN $17::boolean THEN GREATEST(attempts - 1, 0) ELSE attempts END, lease_owner = NULL, " +
        "lease_expires_at = NULL, cancel_requested = false, hold_requested = false, " +
        "event_seq = event_seq + $16::bigint + CASE WHEN hold_requested AND $4::integer = 2 THEN 1 ELSE 0 END " +
        "WHERE id = $1 AND status = 4 AND fencing_token = $2 RETURNING " + PgJobReader.Columns + "), " +
        "l AS (UPDATE queue_job_log SET end_time = $3, result = $5::integer, error_message = $7::text, error_detail = $8::text, " +
        "pages = COALESCE($11::bigint, 0), done = COALESCE($12::bigint, 0), failed = COALESCE($13::bigint, 0), skipped = COALESCE($14::bigint, 0) " +
        "WHERE id = COALESCE($18::bigint, (SELECT MAX(id) FROM queue_job_log WHERE job_id = $1 AND end_time IS NULL)) AND EXISTS (SELECT 1 FROM j)), " +
        "e AS (INSERT INTO queue_job_events (job_id, seq, time, kind, data, log_key) SELECT x.id, x.seq, $3, x.kind, x.data, " + PgSession.LogKey("x.id") + " FROM (" +
        "SELECT j.id, j.event_seq - $16::bigint - CASE WHEN j.status = 1 AND $4::integer = 2 THEN 1 ELSE 0 END + v.n AS seq, v.kind, v.data " +
        "FROM j CROSS JOIN unnest($19::integer[], $20::text[]) WITH ORDINALITY AS v(kind, data, n) " +
        "UNION ALL SELECT j.id, j.event_seq, $21::integer, $22::text FROM j WHERE j.status = 1 AND $4::integer = 2) x ORDER BY x.seq) " +
        "SELECT * FROM j";

    /// <summary>The status change of an entry that a hold asked for during its run ends On Hold instead of Ready.</summary>
    public static readonly JobStatusChanged HeldAfterRun = new(JobStatus.OnHold, "A hold was requested while the entry was running.");

    /// <summary><see cref="HeldAfterRun"/> as the events table stores it.</summary>
    public static readonly (int Kind, string Json) HeldAfterRunEncoded = EventCodec.Encode(HeldAfterRun);

    private const string ChangeSql =
        "UPDATE queue_jobs SET status = COALESCE($4::integer, status), earliest_start = COALESCE($5::timestamptz, earliest_start), " +
        "attempts = CASE WHEN $6::boolean THEN 0 ELSE attempts END, " +
        "error_message = CASE WHEN $7::boolean THEN NULL ELSE error_message END, " +
        "error_detail = CASE WHEN $7::boolean THEN NULL ELSE error_detail END, " +
        "last_result = COALESCE($8::integer, last_result), ended_at = CASE WHEN $8::integer IS NULL THEN ended_at ELSE $3 END, " +
        "hold_requested = COALESCE($9::boolean, hold_requested), cancel_requested = COALESCE($10::boolean, cancel_requested), " +
        "filters = COALESCE($11::text, filters), options = COALESCE($12::text, options), updated_at = $3, event_seq = event_seq + $13::bigint " +
        "WHERE id = $1 AND status = $2 RETURNING " + PgJobReader.Columns;

    private const string ProgressSql =
        "UPDATE queue_jobs SET progress_percent = $3, progress_message = $4, pages = $5, done = $6, failed = $7, " +
        "skipped = $8, event_seq = event_seq + 1 WHERE id = $1 AND status = 4 AND fencing_token = $2 " +
        "RETURNING event_seq, shop_code, category_code, report_id";

    /// <summary>
    /// The whole hand-over in one round trip: the fenced completion (its events written by its own statement), the fast
    /// claim of <paramref name="claimNext"/> (its start and Waiting events likewise), then <paramref name="tail"/> (the
    /// call's audit record) and <c>COMMIT</c>, as one batch. Its statements run in order, so the claim sees the
    /// completion's release of the category; the claim runs whether or not the fence held, as it would in a transaction
    /// of its own. PostgreSQL skips the rest of a batch after a failed statement, so nothing commits unless all of it
    /// succeeded. A category the fast claim did not take is left to <see cref="PgHandOver.Rest"/>, after the commit.
    /// </summary>
    public static async Task<PgHandOver> CompleteAsync(
        PgSession session, RunCompletion completion, ClaimRequest? claimNext, IReadOnlyList<NpgsqlBatchCommand> tail, CancellationToken ct)
    {
        var claimsAny = claimNext is { Categories.Count: > 0 };
        await using var batch = session.Batch();
        PgClaims.AddClaimSettings(batch);
        batch.BatchCommands.Add(CompleteCommand(completion));
        if (claimsAny)
        {
            PgClaims.AddFastClaim(batch, session, claimNext!);
        }

        AddCommit(batch, tail);
        Job? job = null;
        PgClaims.FastClaim? fast = null;
        await using (var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                job = PgJobReader.Read(reader);
            }

            if (claimsAny)
            {
                await reader.NextResultAsync(ct).ConfigureAwait(false);
                fast = await PgClaims.ReadFastClaimAsync(reader, ct).ConfigureAwait(false);
            }

            await Pg.DrainAsync(reader, ct).ConfigureAwait(false);
        }

        var events = new List<QueueEvent>(job is null ? 2 : completion.Events.Count + 2);
        if (job is not null)
        {
            BroadcastCompletion(job, completion, events);
        }

        var claims = fast is null ? [] : PgClaims.FinishFast(claimNext!, fast, events);
        return new PgHandOver(job, events, claimNext, claims);
    }

    /// <summary>Adds <paramref name="tail"/> and <c>COMMIT</c> to the end of <paramref name="batch"/>.</summary>
    public static void AddCommit(NpgsqlBatch batch, IReadOnlyList<NpgsqlBatchCommand> tail)
    {
        foreach (var command in tail)
        {
            batch.BatchCommands.Add(command);
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
    }

    /// <summary>
    /// Hands the events an accepted completion's statement wrote to <paramref name="events"/>: the completion's, numbered
    /// after the entry's previous last event, then the hold's status change when the entry ended On Hold instead of Ready.
    /// </summary>
    public static void BroadcastCompletion(Job job, RunCompletion completion, List<QueueEvent> events)
    {
        var held = job.Status == JobStatus.OnHold && completion.Status == JobStatus.Ready;
        var first = job.LastEventSequence - (held ? 1 : 0) - completion.Events.Count + 1;
        for (var i = 0; i < completion.Events.Count; i++)
        {
            PgSession.Broadcast(job.Id, job.ShopCode, job.CategoryCode, job.ReportId, first + i, completion.Events[i], completion.Now, events);
        }

        if (held)
        {
            PgSession.Broadcast(job.Id, job.ShopCode, job.CategoryCode, job.ReportId, job.LastEventSequence, HeldAfterRun, completion.Now, events);
        }
    }

    private static NpgsqlBatchCommand CompleteCommand(RunCompletion completion)
    {
        var progress = completion.Progress;
        var encoded = completion.Events.Select(EventCodec.Encode).ToArray();
        return Pg.BatchCommand(
            CompleteSql,
            completion.JobId,
            completion.FencingToken,
            Pg.Utc(completion.Now),
            (int)completion.Status,
            (int)completion.Result,
            Pg.Utc(completion.EarliestStart),
            completion.ErrorMessage,
            completion.ErrorDetail,
            progress is null ? null : progress.Percent,
            progress?.Message,
            progress?.Counters.Pages,
            progress?.Counters.Done,
            progress?.Counters.Failed,
            progress?.Counters.Skipped,
            completion.ResetAttempts,
            (long)completion.Events.Count,
            completion.RefundAttempt,
            completion.LogEntryId > 0 ? completion.LogEntryId : null,
            encoded.Select(e => e.Kind).ToArray(),
            encoded.Select(e => e.Json).ToArray(),
            HeldAfterRunEncoded.Kind,
            HeldAfterRunEncoded.Json);
    }

    public static async Task<StoreResult<Job>?> ChangeAsync(PgSession session, JobChange change, CancellationToken ct)
    {
        var job = await session.Command(
            ChangeSql,
            change.JobId,
            (int)change.ExpectedStatus,
            Pg.Utc(change.Now),
            change.Status is { } status ? (int)status : null,
            Pg.Utc(change.EarliestStart),
            change.ResetAttempts,
            change.ClearError,
            change.Result is { } result ? (int)result : null,
            change.HoldRequested,
            change.CancelRequested,
            change.Filters is null ? null : ParameterCodec.EncodeFilters(change.Filters),
            change.Options is null ? null : ParameterCodec.EncodeOptions(change.Options),
            (long)change.Events.Count).SingleAsync(PgJobReader.Read, ct).ConfigureAwait(false);
        if (job is null)
        {
            return null;
        }

        var events = new List<QueueEvent>(change.Events.Count);
        AppendAll(session, job, change.Events, change.Now, events);
        return new StoreResult<Job>(job, events);
    }

    public static async Task<bool> DeleteAsync(PgSession session, Guid jobId, JobStatus expectedStatus, CancellationToken ct)
    {
        if (await session.Command("DELETE FROM queue_jobs WHERE id = $1 AND status = $2", jobId, (int)expectedStatus).ExecuteAsync(ct).ConfigureAwait(false) != 1)
        {
            return false;
        }

        await session.Command("DELETE FROM queue_job_events WHERE job_id = $1", jobId).ExecuteAsync(ct).ConfigureAwait(false);
        return true;
    }

    public static async Task<IReadOnlyList<QueueEvent>> AppendProgressAsync(PgSession session, IReadOnlyList<ProgressWrite> writes, CancellationToken ct)
    {
        var events = new List<QueueEvent>(writes.Count);
        foreach (var write in writes)
        {
            var counters = write.Progress.Counters;
            var rows = await session.Command(
                ProgressSql, write.JobId, write.FencingToken, write.Progress.Percent, write.Progress.Message,
                counters.Pages, counters.Done, counters.Failed, counters.Skipped)
                .ListAsync(r => (Seq: r.GetInt64(0), Shop: r.GetString(1), Category: r.GetString(2), Report: r.GetInt32(3)), ct).ConfigureAwait(false);
            if (rows.Count == 1)
            {
                var (seq, shop, category, report) = rows[0];
                session.Event(write.JobId, shop, category, report, seq, new JobProgressReported(write.Progress), write.Time, events);
            }
        }

        return events;
    }

    public static async Task<bool> SaveCheckpointAsync(PgSession session, Guid jobId, long fencingToken, string checkpoint, CancellationToken ct) =>
        await session.Command("UPDATE queue_jobs SET checkpoint = $3 WHERE id = $1 AND status = 4 AND fencing_token = $2", jobId, fencingToken, checkpoint)
            .ExecuteAsync(ct).ConfigureAwait(false) == 1;

    /// <summary>
    /// Extends leases by <paramref name="leaseMs"/> from the database clock (or to the caller's expiry on the engine's
    /// clock), all in one statement: a node holding 100 runs makes one round trip per check, not 100. A run missing
    /// from the answer is no longer this node's In Process entry under its fencing token.
    /// </summary>
    public static async Task<LeaseRenewal> RenewAsync(PgSession session, LeaseRenewalRequest request, long leaseMs, CancellationToken ct)
    {
        var expiry = session.Options.UseDatabaseClock ? "clock_timestamp() + $4::float8 * interval '1 millisecond'" : "$5::timestamptz";
        var sql = "UPDATE queue_jobs q SET lease_expires_at = " + expiry + " FROM unnest($1::uuid[], $2::bigint[]) AS r(id, token) " +
            "WHERE q.id = r.id AND q.status = 4 AND q.fencing_token = r.token AND q.lease_owner = $3 RETURNING q.id, q.cancel_requested";
        var ids = request.Runs.Select(r => r.JobId).ToArray();
        var tokens = request.Runs.Select(r => r.FencingToken).ToArray();
        var renewed = await session.Command(sql, ids, tokens, request.Owner, leaseMs, Pg.Utc(request.LeaseExpiresAt))
            .ListAsync(r => (Id: r.GetGuid(0), Cancel: r.GetBoolean(1)), ct).ConfigureAwait(false);
        var kept = renewed.Select(r => r.Id).ToHashSet();
        var lost = ids.Where(id => !kept.Contains(id)).ToList();
        var cancel = renewed.Where(r => r.Cancel).Select(r => r.Id).ToList();
        return new LeaseRenewal(lost, cancel);
    }

    /// <summary>Events numbered <c>job.LastEventSequence - count + 1 .. LastEventSequence</c>.</summary>
    private static void AppendAll(PgSession session, Job job, IReadOnlyList<JobEventData> data, DateTimeOffset time, List<QueueEvent> sink)
    {
        var first = job.LastEventSequence - data.Count + 1;
        for (var i = 0; i < data.Count; i++)
        {
            session.Event(job.Id, job.ShopCode, job.CategoryCode, job.ReportId, first + i, data[i], time, sink);
        }
    }
}
