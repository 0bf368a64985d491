using Npgsql;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Postgres;

/// <summary>
/// Claims. The common case is one statement for all requested categories: lock each idle category's row with
/// <c>FOR UPDATE SKIP LOCKED</c> (least recently claimed first), take its head through ix_queue_jobs_queued and mark
/// it In Process; its statements write their own events. A category it did not claim (busy, locked by another node,
/// expired head, nothing due) goes through <see cref="PgSlowClaims.ClaimAsync"/>: in the same transaction for a plain claim,
/// in one of its own after a hand-over's commit. Rows of queue_categories are the lock; the trigger of the schema ties
/// running_job to the claimed entry.
/// </summary>
internal static class PgClaims
{
    /// <summary>At most this many entries of a category are marked Waiting by one claim (fast or slow).</summary>
    internal const int MaxWaitingMarksPerClaim = 256;

    /// <summary>The SET list that starts a run of the row <paramref name="alias"/> ({0}: the lease expiry, see <see cref="Lease"/>).</summary>
    internal static string SetClaimed(string alias) =>
        $"status = 4, attempts = {alias}.attempts + 1, lease_owner = $2, lease_expires_at = {{0}}, fencing_token = {alias}.fencing_token + 1, " +
        $"started_at = $3, updated_at = $3, cancel_requested = false, event_seq = {alias}.event_seq + 1";

    // A claim statement also opens the run's log entry (one round trip): the claimed rows as u, their log entries from
    // u's values, each row answered with its log entry's id after the entry's columns.
    internal static readonly string OpenLogAndAnswer =
        "l AS (INSERT INTO queue_job_log (job_id, entry_no, report_id, description, shop_code, category_code, attempt, start_time, " +
        "end_time, result, pages, done, failed, skipped, filters, options, node) SELECT id, entry_no, report_id, description, " +
        "shop_code, category_code, attempts, $3, NULL, 0, 0, 0, 0, 0, filters, options, $2 FROM u RETURNING id, entry_no) " +
        "SELECT u.*, l.id FROM u JOIN l ON l.entry_no = u.entry_no";

    // A category's head is one step down ix_queue_jobs_queued (ordered as the claim orders, LIMIT 1). With statistics
    // older than the queue (a bulk enqueue before autovacuum's next analyze, up to a minute) the planner estimated a few
    // rows per category and read every queued entry of the category by bitmap, then sorted them: 1.3-12 ms per claim
    // at 600 entries per category against 0.02 ms by the index, and PostgreSQL's CPU was the bound of the hand-over.
    // Off for the rest of the claiming transaction; its other statements are key lookups.
    private const string IndexOrderedHeadsSql = "SET LOCAL enable_bitmapscan = off";

    // The claim's statements are planned once per connection, not at every execution. PostgreSQL plans a prepared
    // statement for its parameters (a custom plan) until the generic plan looks no dearer; the Waiting marks' generic
    // plan never did (LIMIT $4 and ANY($1) estimated blind), so every hand-over planned it again: 0.29-0.43 ms at bind
    // against 0.04 ms to execute it, on one category. Their plans are key and index lookups whatever the parameters.
    private const string GenericPlansSql = "SET LOCAL plan_cache_mode = force_generic_plan";

    // The fast claim writes its runs' start events itself (JobStarted, as EventCodec encodes it), so that a hand-over
    // needs no second round trip for them.
    private static readonly string WriteStartedEvents =
        "s AS (INSERT INTO queue_job_events (job_id, seq, time, kind, data, log_key) SELECT u.id, u.event_seq, $3, " +
        $"{EventCodec.Started}, json_build_object('{nameof(JobStarted.Attempt)}', u.attempts, '{nameof(JobStarted.Node)}', $2::text)::text, " +
        PgSession.LogKey("u.id") + " FROM u), ";

    private static readonly string FastClaimSql =
        "WITH c AS (SELECT code FROM queue_categories WHERE code = ANY($1::text[]) AND running_job IS NULL " +
        "ORDER BY last_claim_at NULLS FIRST, code FOR UPDATE SKIP LOCKED), " +
        "h AS (SELECT (SELECT j.entry_no FROM queue_jobs j WHERE j.category_code = c.code AND j.status IN (2, 3) AND j.earliest_start <= $3 " +
        "ORDER BY j.priority, j.entry_no LIMIT 1) AS entry_no FROM c), " +
        "u AS (UPDATE queue_jobs q SET " + SetClaimed("q") + " FROM h WHERE q.entry_no = h.entry_no AND q.status IN (2, 3) " +
        "AND (q.expiration IS NULL OR q.expiration > $3) RETURNING " + PgJobReader.Qualified("q") + "), " + WriteStartedEvents + OpenLogAndAnswer;

    // The fast claim's second statement: in each requested category whose running entry this claim started (owner $3,
    // started at $2; its category row is locked by this transaction), the due Ready entries are marked Waiting. Each
    // marked row is answered with its category and the entry it waits for (the category's running entry, which the
    // claim statement before this one set). Written so that its one generic plan (see GenericPlansSql) is the plan of
    // any size of queue: the running entry is a scalar subquery (a lookup by ux_queue_jobs_id per category), the due
    // entries a lateral LIMIT on ix_queue_jobs_ready, and the marked rows an array of keys for the primary key. As a
    // join it was planned, on young statistics, as a scan of every In Process entry per category, and of every Ready
    // entry of the queue.
    // It writes the marked entries' JobWaiting events itself, as the claim writes its start events.
    private static readonly string MarkClaimedWaitingSql =
        "WITH m AS (UPDATE queue_jobs q SET status = 3, updated_at = $2, event_seq = q.event_seq + 1 WHERE q.entry_no = ANY(ARRAY(" +
        "SELECT w.entry_no FROM queue_categories c " +
        "CROSS JOIN LATERAL (SELECT entry_no FROM queue_jobs WHERE status = 2 AND category_code = c.code AND earliest_start <= $2 LIMIT $4) w " +
        "WHERE c.code = ANY($1::text[]) " +
        "AND (SELECT r.status = 4 AND r.lease_owner = $3 AND r.started_at = $2 FROM queue_jobs r WHERE r.id = c.running_job))) " +
        "AND q.status = 2 " +
        "RETURNING q.id, q.event_seq, q.shop_code, q.report_id, q.category_code, " +
        "(SELECT c.running_job FROM queue_categories c WHERE c.code = q.category_code) AS blocking), " +
        "w AS (INSERT INTO queue_job_events (job_id, seq, time, kind, data, log_key) SELECT m.id, m.event_seq, $2, " +
        $"{EventCodec.Waiting}, json_build_object('{nameof(JobWaiting.BlockingJobId)}', m.blocking, '{nameof(JobWaiting.CategoryCode)}', m.category_code)::text, " +
        PgSession.LogKey("m.id") + " FROM m) " +
        "SELECT * FROM m";

    /// <summary>Claims every category of <paramref name="request"/>; the outcomes in the request's order.</summary>
    public static async Task<IReadOnlyList<CategoryClaim>> ClaimAsync(PgSession session, ClaimRequest? request, List<QueueEvent> events, CancellationToken ct)
    {
        if (request is null || request.Categories.Count == 0)
        {
            return [];
        }

        await using var batch = session.Batch();
        AddClaimSettings(batch);
        AddFastClaim(batch, session, request);
        FastClaim fast;
        await using (var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            fast = await ReadFastClaimAsync(reader, ct).ConfigureAwait(false);
        }

        return await FinishAsync(session, request, fast, events, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds the settings of a claiming transaction to <paramref name="batch"/>, before its first statement: heads by
    /// index and generic plans for the rest of the transaction (no answer, no round trip of their own).
    /// </summary>
    public static void AddClaimSettings(NpgsqlBatch batch)
    {
        batch.BatchCommands.Add(new NpgsqlBatchCommand(IndexOrderedHeadsSql));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(GenericPlansSql));
    }

    /// <summary>
    /// Adds the fast claim's statements to <paramref name="batch"/> (so they share a round trip with what comes
    /// before them, which starts with <see cref="AddClaimSettings"/>): the claim of every idle requested category's
    /// head, then the Waiting marks in the claimed categories. Read their answers with <see cref="ReadFastClaimAsync"/>,
    /// then call <see cref="FinishAsync"/>.
    /// </summary>
    public static void AddFastClaim(NpgsqlBatch batch, PgSession session, ClaimRequest request)
    {
        var categories = request.Categories.ToArray();
        var now = Pg.Utc(request.Now);
        batch.BatchCommands.Add(Pg.BatchCommand(Lease(session, FastClaimSql), categories, request.Owner, now, LeaseMs(request)));
        batch.BatchCommands.Add(Pg.BatchCommand(MarkClaimedWaitingSql, categories, now, request.Owner, MaxWaitingMarksPerClaim));
    }

    /// <summary>Reads the answers of <see cref="AddFastClaim"/>'s statements, starting at the reader's current result.</summary>
    public static async Task<FastClaim> ReadFastClaimAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var claimed = new Dictionary<string, (Job Job, long LogId)>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var row = ReadClaimed(reader);
            claimed[row.Job.CategoryCode] = row;
        }

        await reader.NextResultAsync(ct).ConfigureAwait(false);
        var waiting = new List<WaitingMark>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            waiting.Add(new WaitingMark(reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4), reader.GetGuid(5)));
        }

        return new FastClaim(claimed, waiting);
    }

    /// <summary>
    /// The outcomes in the request's order: a category the fast claim took (its statements wrote the start and Waiting
    /// events) gets those events broadcast; any other goes through <see cref="PgSlowClaims.ClaimAsync"/> in the same transaction.
    /// </summary>
    public static async Task<IReadOnlyList<CategoryClaim>> FinishAsync(
        PgSession session, ClaimRequest request, FastClaim fast, List<QueueEvent> events, CancellationToken ct)
    {
        var claims = new CategoryClaim[request.Categories.Count];
        for (var i = 0; i < claims.Length; i++)
        {
            var category = request.Categories[i];
            claims[i] = TakeStarted(request, category, fast, events)
                ?? await PgSlowClaims.ClaimAsync(session, category, request, LeaseMs(request), events, ct).ConfigureAwait(false);
        }

        return claims;
    }

    /// <summary>
    /// The fast claim's outcomes in the request's order, without touching the database: the categories it took, and null
    /// for any other (for a hand-over whose transaction has already committed; see <see cref="ClaimEachAsync"/>).
    /// </summary>
    public static CategoryClaim?[] FinishFast(ClaimRequest request, FastClaim fast, List<QueueEvent> events) =>
        request.Categories.Select(category => TakeStarted(request, category, fast, events)).ToArray();

    /// <summary>Claims each category of <paramref name="request"/> on its own (the slow path), in this transaction.</summary>
    public static async Task<IReadOnlyList<CategoryClaim>> ClaimEachAsync(PgSession session, ClaimRequest request, List<QueueEvent> events, CancellationToken ct)
    {
        var claims = new CategoryClaim[request.Categories.Count];
        for (var i = 0; i < claims.Length; i++)
        {
            claims[i] = await PgSlowClaims.ClaimAsync(session, request.Categories[i], request, LeaseMs(request), events, ct).ConfigureAwait(false);
        }

        return claims;
    }

    /// <summary>The outcome of a category the fast claim took, its events handed to <paramref name="events"/>; else null.</summary>
    private static CategoryClaim? TakeStarted(ClaimRequest request, string category, FastClaim fast, List<QueueEvent> events)
    {
        if (!fast.Claimed.Remove(category, out var started))
        {
            return null;
        }

        var (job, logId) = started;
        PgSession.Broadcast(job.Id, job.ShopCode, job.CategoryCode, job.ReportId, job.LastEventSequence, new JobStarted(job.Attempts, request.Owner), request.Now, events);
        foreach (var mark in fast.Waiting.Where(w => string.Equals(w.Category, category, StringComparison.Ordinal)))
        {
            PgSession.Broadcast(mark.Id, mark.Shop, category, mark.ReportId, mark.Sequence, new JobWaiting(mark.BlockingId, category), request.Now, events);
        }

        return new CategoryClaim(category, CategoryClaimStatus.Claimed, job, logId, null);
    }

    private static long LeaseMs(ClaimRequest request) => (long)Math.Max(1, (request.LeaseExpiresAt - request.Now).TotalMilliseconds);

    /// <summary>A claimed row: the entry, then the id of the log entry the claim opened.</summary>
    internal static (Job Job, long LogId) ReadClaimed(NpgsqlDataReader r) => (PgJobReader.Read(r), r.GetInt64(PgJobReader.ColumnCount));

    /// <summary>The lease expiry expression: the database clock or the caller's now ($3), plus the lease in ms ($4).</summary>
    internal static string Lease(PgSession session, string sql) =>
        string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            sql,
            session.Options.UseDatabaseClock ? "(clock_timestamp() + $4::float8 * interval '1 millisecond')" : "($3 + $4::float8 * interval '1 millisecond')");

    /// <summary>A fast claim's answers: the claimed rows by category, and the entries marked Waiting in those categories.</summary>
    internal sealed record FastClaim(Dictionary<string, (Job Job, long LogId)> Claimed, IReadOnlyList<WaitingMark> Waiting);

    /// <summary>An entry the fast claim marked Waiting: its new event sequence, and the entry it waits for.</summary>
    internal sealed record WaitingMark(Guid Id, long Sequence, string Shop, int ReportId, string Category, Guid BlockingId);
}
