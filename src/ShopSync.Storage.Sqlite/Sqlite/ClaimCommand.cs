using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Sqlite;

/// <summary>
/// Claims the head of a category. Every statement is an index probe: the head via ix_queue_jobs_queued, the category
/// rule via ux_queue_jobs_in_process (which also makes a second In Process entry in a category impossible at the
/// database level), the next due time and the Ready→Waiting marking via ix_queue_jobs_ready.
/// </summary>
internal static class ClaimCommand
{
    private const int MaxExpiredPerClaim = 64;
    private const int MaxWaitingMarksPerClaim = 256;

    private const string HeadSql =
        "SELECT entry_no, expiration FROM queue_jobs WHERE category_code = @p0 AND status IN (2, 3) AND earliest_start <= @p1 " +
        "ORDER BY priority, entry_no LIMIT 1";

    private const string RunningSql = "SELECT id FROM queue_jobs WHERE category_code = @p0 AND status = 4";

    private const string NextDueSql = "SELECT MIN(earliest_start) FROM queue_jobs WHERE status = 2 AND category_code = @p0";

    private const string ClaimSql =
        "UPDATE queue_jobs SET status = 4, attempts = attempts + 1, lease_owner = @p1, lease_expires_at = @p2, " +
        "fencing_token = fencing_token + 1, started_at = @p3, updated_at = @p3, cancel_requested = 0, event_seq = event_seq + 1 " +
        "WHERE entry_no = @p0 AND status IN (2, 3) RETURNING " + JobRecordReader.Columns;

    // The common case in one statement: the head of an idle category, not expired, claimed by a conditional update
    // (saves the separate in-process probe and head read). When it matches nothing (busy, empty, expired head), the
    // step-by-step path below decides what to do. The unique index still guards the category rule.
    private const string FastClaimSql =
        "UPDATE queue_jobs SET status = 4, attempts = attempts + 1, lease_owner = @p1, lease_expires_at = @p2, " +
        "fencing_token = fencing_token + 1, started_at = @p3, updated_at = @p3, cancel_requested = 0, event_seq = event_seq + 1 " +
        "WHERE entry_no = (SELECT entry_no FROM queue_jobs WHERE category_code = @p0 AND status IN (2, 3) AND earliest_start <= @p3 " +
        "ORDER BY priority, entry_no LIMIT 1) AND (expiration IS NULL OR expiration > @p3) " +
        "AND NOT EXISTS (SELECT 1 FROM queue_jobs WHERE category_code = @p0 AND status = 4)";

    // After the fast claim changed a row, it is the category's one In Process entry (ux_queue_jobs_in_process). Read
    // by that index rather than by RETURNING, which builds and drops an ephemeral table on every execution.
    private const string ClaimedRowSql = "SELECT " + JobRecordReader.Columns + " FROM queue_jobs WHERE category_code = @p0 AND status = 4";

    private const string OpenLogSql =
        "INSERT INTO queue_job_log (job_id, entry_no, report_id, description, shop_code, category_code, attempt, start_time, " +
        "end_time, result, pages, done, failed, skipped, filters, options, node) SELECT id, entry_no, report_id, description, " +
        "shop_code, category_code, attempts, @p1, NULL, 0, 0, 0, 0, 0, filters, options, @p2 FROM queue_jobs WHERE entry_no = @p0";

    private const string ExpireSql =
        "UPDATE queue_jobs SET status = 5, last_result = 6, ended_at = @p1, updated_at = @p1, error_message = @p2, " +
        "event_seq = event_seq + 1 WHERE entry_no = @p0 RETURNING " + JobRecordReader.Columns;

    private const string ExpireLogSql =
        "INSERT INTO queue_job_log (job_id, entry_no, report_id, description, shop_code, category_code, attempt, start_time, " +
        "end_time, result, error_message, pages, done, failed, skipped, filters, options, node) SELECT id, entry_no, report_id, " +
        "description, shop_code, category_code, attempts, @p1, @p1, 6, @p2, pages, done, failed, skipped, filters, options, @p3 " +
        "FROM queue_jobs WHERE entry_no = @p0";

    // The common case after a claim: every due entry of the category is Waiting already, and this index probe (no
    // temporary tables) finds nothing, so the marking statement below (which materialises its IN list and its
    // RETURNING rows in ephemeral tables even when it changes nothing) is skipped.
    private const string AnyDueReadySql =
        "SELECT 1 FROM queue_jobs WHERE status = 2 AND category_code = @p0 AND earliest_start <= @p1 LIMIT 1";

    private const string MarkWaitingSql =
        "UPDATE queue_jobs SET status = 3, updated_at = @p2, event_seq = event_seq + 1 WHERE entry_no IN (" +
        "SELECT entry_no FROM queue_jobs WHERE status = 2 AND category_code = @p0 AND earliest_start <= @p1 LIMIT @p3) " +
        "RETURNING id, event_seq, shop_code, report_id";

    public static StoreResult<IReadOnlyList<CategoryClaim>> Execute(WriteSession session, ClaimRequest request)
    {
        var events = new List<QueueEvent>();
        var claims = new List<CategoryClaim>(request.Categories.Count);
        foreach (var category in request.Categories)
        {
            claims.Add(ClaimOne(session, category, request, events));
        }

        return new StoreResult<IReadOnlyList<CategoryClaim>>(claims, events);
    }

    public static CategoryClaim ClaimOne(WriteSession session, string category, ClaimRequest request, List<QueueEvent> events)
    {
        var now = TimeCodec.ToTicks(request.Now);
        var leaseExpiresAt = TimeCodec.ToTicks(request.LeaseExpiresAt);
        if (session.Raw(FastClaimSql, 4).Text(0, category).Text(1, request.Owner).Int(2, leaseExpiresAt).Int(3, now).Execute() == 1)
        {
            var claimed = JobRecordReader.ReadSingle(session.Raw(ClaimedRowSql, 1).Text(0, category))
                ?? throw new InvalidOperationException($"The entry claimed in category {category} is not In Process.");
            return Started(session, category, claimed, request, events);
        }

        if (session.Command(RunningSql, 1).Bind(category).ExecuteScalar() is byte[] running)
        {
            MarkWaiting(session, category, new Guid(running), request.Now, events);
            return new CategoryClaim(category, CategoryClaimStatus.Busy, null, 0, null);
        }

        for (var i = 0; i < MaxExpiredPerClaim; i++)
        {
            long entryNo;
            long? expiration;
            using (var reader = session.Command(HeadSql, 2).Bind(category, now).ExecuteReader())
            {
                if (!reader.Read())
                {
                    return new CategoryClaim(category, CategoryClaimStatus.Empty, null, 0, NextDue(session, category));
                }

                entryNo = reader.GetInt64(0);
                expiration = reader.IsDBNull(1) ? null : reader.GetInt64(1);
            }

            if (expiration <= now)
            {
                Expire(session, entryNo, request, events);
                continue;
            }

            var job = JobRecordReader.ReadSingle(session.Command(ClaimSql, 4).Bind(entryNo, request.Owner, leaseExpiresAt, now))!;
            return Started(session, category, job, request, events);
        }

        return new CategoryClaim(category, CategoryClaimStatus.Empty, null, 0, request.Now);
    }

    /// <summary>Opens the run's log entry, writes its start event and marks the category's other due entries Waiting.</summary>
    private static CategoryClaim Started(WriteSession session, string category, Job job, ClaimRequest request, List<QueueEvent> events)
    {
        var logId = session.Raw(OpenLogSql, 3).Int(0, job.EntryNo).Int(1, TimeCodec.ToTicks(request.Now)).Text(2, request.Owner).ExecuteInsert()
            ?? throw new InvalidOperationException($"The run log entry of claimed entry {job.EntryNo} was not written.");
        EventWriter.Append(
            session, job.Id, job.ShopCode, job.CategoryCode, job.ReportId, job.LastEventSequence,
            new JobStarted(job.Attempts, request.Owner), request.Now, events);
        MarkWaiting(session, category, job.Id, request.Now, events);
        return new CategoryClaim(category, CategoryClaimStatus.Claimed, job, logId, null);
    }

    private static DateTimeOffset? NextDue(WriteSession session, string category) =>
        session.Command(NextDueSql, 1).Bind(category).ExecuteScalar() is long ticks ? TimeCodec.FromTicks(ticks) : null;

    /// <summary>An entry whose expiration passed before it could run ends Finished (Expired), with a log entry like a run.</summary>
    private static void Expire(WriteSession session, long entryNo, ClaimRequest request, List<QueueEvent> events)
    {
        const string message = "The entry expired before it could run.";
        var ticks = TimeCodec.ToTicks(request.Now);
        var job = JobRecordReader.ReadSingle(session.Command(ExpireSql, 3).Bind(entryNo, ticks, message))!;
        session.Command(ExpireLogSql, 4).Bind(entryNo, ticks, message, request.Owner).ExecuteNonQuery();
        var completed = new JobCompleted(JobResult.Expired, JobStatus.Finished, message, null, JobCounters.Zero, null);
        EventWriter.Append(session, job.Id, job.ShopCode, job.CategoryCode, job.ReportId, job.LastEventSequence, completed, request.Now, events);
    }

    /// <summary>
    /// Marks the category's due Ready entries Waiting when another entry of it is In Process (also used by the
    /// dispatcher's timer for entries, e.g. retries, that become due while the category is busy).
    /// </summary>
    public static void MarkWaitingIfBusy(WriteSession session, string category, DateTimeOffset now, List<QueueEvent> events)
    {
        if (session.Command(RunningSql, 1).Bind(category).ExecuteScalar() is byte[] running)
        {
            MarkWaiting(session, category, new Guid(running), now, events);
        }
    }

    private static void MarkWaiting(WriteSession session, string category, Guid blockingId, DateTimeOffset now, List<QueueEvent> events)
    {
        var ticks = TimeCodec.ToTicks(now);
        if (session.Raw(AnyDueReadySql, 2).Text(0, category).Int(1, ticks).ExecuteInt() is null)
        {
            return;
        }

        var marked = new List<(Guid Id, long Seq, string Shop, int Report)>();
        var mark = session.Raw(MarkWaitingSql, 4).Text(0, category).Int(1, ticks).Int(2, ticks).Int(3, MaxWaitingMarksPerClaim);
        try
        {
            while (mark.Step())
            {
                marked.Add((mark.Guid(0), mark.Int64(1), mark.String(2), mark.Int32(3)));
            }
        }
        finally
        {
            mark.Reset();
        }

        var waiting = new JobWaiting(blockingId, category);
        foreach (var (id, seq, shop, report) in marked)
        {
            EventWriter.Append(session, id, shop, category, report, seq, waiting, now, events);
        }
    }
}
