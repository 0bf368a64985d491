using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Sqlite;

/// <summary>
/// Ends a run, fenced by its token: a stale run (its lease recovered, the entry re-claimed) matches no row and
/// writes nothing. A hold requested during the run turns a retry into On Hold.
/// </summary>
internal static class CompleteCommand
{
    private const string CompleteSql =
        "UPDATE queue_jobs SET status = CASE WHEN hold_requested = 1 AND @p3 = 2 THEN 1 ELSE @p3 END, last_result = @p4, " +
        "ended_at = @p2, updated_at = @p2, earliest_start = COALESCE(@p5, earliest_start), error_message = @p6, " +
        "error_detail = @p7, progress_percent = COALESCE(@p8, progress_percent), progress_message = COALESCE(@p9, progress_message), " +
        "pages = COALESCE(@p10, pages), done = COALESCE(@p11, done), failed = COALESCE(@p12, failed), skipped = COALESCE(@p13, skipped), " +
        "attempts = CASE WHEN @p14 = 1 THEN 0 WHEN @p16 = 1 THEN MAX(attempts - 1, 0) ELSE attempts END, lease_owner = NULL, lease_expires_at = NULL, " +
        "cancel_requested = 0, hold_requested = 0, event_seq = event_seq + @p15 " +
        "WHERE id = @p0 AND status = 4 AND fencing_token = @p1 RETURNING " + JobRecordReader.Columns;

    private const string CloseLogSql =
        "UPDATE queue_job_log SET end_time = @p1, result = @p2, error_message = @p3, error_detail = @p4, pages = @p5, " +
        "done = @p6, failed = @p7, skipped = @p8 WHERE id = @p0";

    private const string CloseOpenLogSql =
        "UPDATE queue_job_log SET end_time = @p1, result = @p2, error_message = @p3, error_detail = @p4, pages = @p5, " +
        "done = @p6, failed = @p7, skipped = @p8 WHERE id = (SELECT MAX(id) FROM queue_job_log WHERE job_id = @p0 AND end_time IS NULL)";

    private const string BumpSequenceSql = "UPDATE queue_jobs SET event_seq = event_seq + 1 WHERE id = @p0 RETURNING event_seq";

    public static CompletionResult Execute(WriteSession session, RunCompletion completion, ClaimRequest? claimNext)
    {
        var now = TimeCodec.ToTicks(completion.Now);
        var progress = completion.Progress;
        var job = JobRecordReader.ReadSingle(session.Command(CompleteSql, 17).Bind(
            completion.JobId.Db(),
            completion.FencingToken,
            now,
            (long)completion.Status,
            (long)completion.Result,
            TimeCodec.ToDb(completion.EarliestStart),
            completion.ErrorMessage,
            completion.ErrorDetail,
            progress is null ? null : (long)progress.Percent,
            progress?.Message,
            progress?.Counters.Pages,
            progress?.Counters.Done,
            progress?.Counters.Failed,
            progress?.Counters.Skipped,
            completion.ResetAttempts.Db(),
            (long)completion.Events.Count,
            completion.RefundAttempt.Db()));
        if (job is null)
        {
            var rejectedEvents = new List<QueueEvent>();
            var rejectedClaims = ClaimAll(session, claimNext, rejectedEvents);
            return new CompletionResult(false, null, rejectedEvents, rejectedClaims.FirstOrDefault()) { Claims = rejectedClaims };
        }

        var counters = progress?.Counters ?? JobCounters.Zero;
        var byLogId = completion.LogEntryId > 0;
        session.Command(byLogId ? CloseLogSql : CloseOpenLogSql, 9).Bind(
            byLogId ? completion.LogEntryId : completion.JobId.Db(), now, (long)completion.Result, completion.ErrorMessage, completion.ErrorDetail,
            counters.Pages, counters.Done, counters.Failed, counters.Skipped).ExecuteNonQuery();

        var events = new List<QueueEvent>(completion.Events.Count + 2);
        EventWriter.Append(session, job, job.LastEventSequence, completion.Events, completion.Now, events);
        if (job.Status == JobStatus.OnHold && completion.Status == JobStatus.Ready)
        {
            var seq = (long)session.Command(BumpSequenceSql, 1).Bind(job.Id.Db()).ExecuteScalar()!;
            var held = new JobStatusChanged(JobStatus.OnHold, "A hold was requested while the entry was running.");
            EventWriter.Append(session, job.Id, job.ShopCode, job.CategoryCode, job.ReportId, seq, held, completion.Now, events);
            job = job with { LastEventSequence = seq };
        }

        var claims = ClaimAll(session, claimNext, events);
        return new CompletionResult(true, job, events, claims.FirstOrDefault()) { Claims = claims };
    }

    private static IReadOnlyList<CategoryClaim> ClaimAll(WriteSession session, ClaimRequest? request, List<QueueEvent> events)
    {
        if (request is null || request.Categories.Count == 0)
        {
            return [];
        }

        var claims = new CategoryClaim[request.Categories.Count];
        for (var i = 0; i < claims.Length; i++)
        {
            claims[i] = ClaimCommand.ClaimOne(session, request.Categories[i], request, events);
        }

        return claims;
    }
}
