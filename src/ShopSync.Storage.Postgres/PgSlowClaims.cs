using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Postgres;

/// <summary>
/// The slow path of a claim, one category at a time and one statement at a time, for what the fast claim
/// (<see cref="PgClaims"/>) does not take: a category locked by another transaction, a busy one (its due entries
/// marked Waiting), heads that expired before they could run, nothing due. It runs in the caller's transaction, which
/// then holds the category's row.
/// </summary>
internal static class PgSlowClaims
{
    private const int MaxExpiredPerClaim = 64;

    private static readonly string ClaimByEntrySql =
        "WITH u AS (UPDATE queue_jobs q SET " + PgClaims.SetClaimed("q") + " WHERE q.entry_no = $1 AND q.status IN (2, 3) RETURNING " +
        PgJobReader.Qualified("q") + "), " + PgClaims.OpenLogAndAnswer;

    private const string LockCategorySql = "SELECT running_job FROM queue_categories WHERE code = $1 FOR UPDATE SKIP LOCKED";

    private const string CategoryExistsSql = "SELECT 1 FROM queue_categories WHERE code = $1";

    private const string RunningSql = "SELECT running_job FROM queue_categories WHERE code = $1";

    private const string HeadSql =
        "SELECT entry_no, expiration FROM queue_jobs WHERE category_code = $1 AND status IN (2, 3) AND earliest_start <= $2 " +
        "ORDER BY priority, entry_no LIMIT 1";

    private const string NextDueSql = "SELECT MIN(earliest_start) FROM queue_jobs WHERE status = 2 AND category_code = $1";

    private const string ExpireSql =
        "UPDATE queue_jobs SET status = 5, last_result = 6, ended_at = $2, updated_at = $2, error_message = $3, " +
        "event_seq = event_seq + 1 WHERE entry_no = $1 AND status IN (2, 3) RETURNING " + PgJobReader.Columns;

    private const string ExpireLogSql =
        "INSERT INTO queue_job_log (job_id, entry_no, report_id, description, shop_code, category_code, attempt, start_time, " +
        "end_time, result, error_message, pages, done, failed, skipped, filters, options, node) SELECT id, entry_no, report_id, " +
        "description, shop_code, category_code, attempts, $2, $2, 6, $3, pages, done, failed, skipped, filters, options, $4 " +
        "FROM queue_jobs WHERE entry_no = $1";

    private const string MarkWaitingSql =
        "UPDATE queue_jobs SET status = 3, updated_at = $2, event_seq = event_seq + 1 WHERE entry_no IN (" +
        "SELECT entry_no FROM queue_jobs WHERE status = 2 AND category_code = $1 AND earliest_start <= $2 LIMIT $3) AND status = 2 " +
        "RETURNING id, event_seq, shop_code, report_id";

    /// <summary>
    /// Claims <paramref name="category"/>'s head in this transaction, or says why not (Busy, Empty with its next due
    /// time); its events go to <paramref name="events"/>.
    /// </summary>
    public static async Task<CategoryClaim> ClaimAsync(
        PgSession session, string category, ClaimRequest request, long leaseMs, List<QueueEvent> events, CancellationToken ct)
    {
        var now = Pg.Utc(request.Now);
        var locked = await session.Command(LockCategorySql, category).ListAsync(r => r.IsDBNull(0) ? (Guid?)null : r.GetGuid(0), ct).ConfigureAwait(false);
        if (locked.Count == 0)
        {
            // Locked by another transaction (another node claiming or ending a run of this category), or never used.
            var exists = await session.Command(CategoryExistsSql, category).ScalarAsync(ct).ConfigureAwait(false) is not null;
            return new CategoryClaim(category, exists ? CategoryClaimStatus.Busy : CategoryClaimStatus.Empty, null, 0, null);
        }

        if (locked[0] is { } running)
        {
            await MarkWaitingAsync(session, category, running, request.Now, events, ct).ConfigureAwait(false);
            return new CategoryClaim(category, CategoryClaimStatus.Busy, null, 0, null);
        }

        for (var i = 0; i < MaxExpiredPerClaim; i++)
        {
            var head = await session.Command(HeadSql, category, now)
                .ListAsync(r => (EntryNo: r.GetInt64(0), Expiration: PgJobReader.NullableTime(r, 1)), ct).ConfigureAwait(false);
            if (head.Count == 0)
            {
                var next = await session.Command(NextDueSql, category).ScalarAsync(ct).ConfigureAwait(false);
                return new CategoryClaim(category, CategoryClaimStatus.Empty, null, 0, next is DateTimeOffset due ? due : next is DateTime utc ? new DateTimeOffset(utc, TimeSpan.Zero) : null);
            }

            if (head[0].Expiration <= request.Now)
            {
                await ExpireAsync(session, head[0].EntryNo, request, events, ct).ConfigureAwait(false);
                continue;
            }

            // The category row is ours: nobody else can claim in it. A head changed meanwhile by an operator is looked up again.
            var started = await session.Command(PgClaims.Lease(session, ClaimByEntrySql), head[0].EntryNo, request.Owner, now, leaseMs)
                .ListAsync(PgClaims.ReadClaimed, ct).ConfigureAwait(false);
            if (started.Count == 1)
            {
                return await StartedAsync(session, category, started[0], request, events, ct).ConfigureAwait(false);
            }
        }

        return new CategoryClaim(category, CategoryClaimStatus.Empty, null, 0, request.Now);
    }

    /// <summary>Writes the start event of a claimed run (its log entry is open) and marks the category's other due entries Waiting.</summary>
    private static async Task<CategoryClaim> StartedAsync(
        PgSession session, string category, (Job Job, long LogId) started, ClaimRequest request, List<QueueEvent> events, CancellationToken ct)
    {
        var (job, logId) = started;
        session.Event(job.Id, job.ShopCode, job.CategoryCode, job.ReportId, job.LastEventSequence, new JobStarted(job.Attempts, request.Owner), request.Now, events);
        await MarkWaitingAsync(session, category, job.Id, request.Now, events, ct).ConfigureAwait(false);
        return new CategoryClaim(category, CategoryClaimStatus.Claimed, job, logId, null);
    }

    /// <summary>An entry whose expiration passed before it could run ends Finished (Expired), with a log entry like a run.</summary>
    private static async Task ExpireAsync(PgSession session, long entryNo, ClaimRequest request, List<QueueEvent> events, CancellationToken ct)
    {
        const string message = "The entry expired before it could run.";
        var now = Pg.Utc(request.Now);
        var job = await session.Command(ExpireSql, entryNo, now, message).SingleAsync(PgJobReader.Read, ct).ConfigureAwait(false);
        if (job is null)
        {
            return;
        }

        await session.Command(ExpireLogSql, entryNo, now, message, request.Owner).ExecuteAsync(ct).ConfigureAwait(false);
        var completed = new JobCompleted(JobResult.Expired, JobStatus.Finished, message, null, JobCounters.Zero, null);
        session.Event(job.Id, job.ShopCode, job.CategoryCode, job.ReportId, job.LastEventSequence, completed, request.Now, events);
    }

    /// <summary>Marks the category's due Ready entries Waiting when one of its entries is In Process.</summary>
    public static async Task MarkWaitingIfBusyAsync(PgSession session, string category, DateTimeOffset now, List<QueueEvent> events, CancellationToken ct)
    {
        if (await session.Command(RunningSql, category).ScalarAsync(ct).ConfigureAwait(false) is Guid running)
        {
            await MarkWaitingAsync(session, category, running, now, events, ct).ConfigureAwait(false);
        }
    }

    private static async Task MarkWaitingAsync(PgSession session, string category, Guid blockingId, DateTimeOffset now, List<QueueEvent> events, CancellationToken ct)
    {
        var marked = await session.Command(MarkWaitingSql, category, Pg.Utc(now), PgClaims.MaxWaitingMarksPerClaim)
            .ListAsync(r => (Id: r.GetGuid(0), Seq: r.GetInt64(1), Shop: r.GetString(2), Report: r.GetInt32(3)), ct).ConfigureAwait(false);
        var waiting = new JobWaiting(blockingId, category);
        foreach (var (id, seq, shop, report) in marked)
        {
            session.Event(id, shop, category, report, seq, waiting, now, events);
        }
    }
}
