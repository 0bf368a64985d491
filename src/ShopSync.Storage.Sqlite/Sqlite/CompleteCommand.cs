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
        "WHERE id = @p0 AND status = 4 AND fencing_token = @p1";

    // The ended row, read by its id after the fenced update changed it. A RETURNING clause would give the same row
    // but makes SQLite build and drop an ephemeral table on every execution, which cost more than this index read.
    private const string EndedRowSql = "SELECT " + JobRecordReader.Columns + " FROM queue_jobs WHERE id = @p0";

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
        var ended = session.Raw(CompleteSql, 17)
            .Guid(0, completion.JobId)
            .Int(1, completion.FencingToken)
            .Int(2, now)
            .Int(3, (long)completion.Status)
            .Int(4, (long)completion.Result)
            .Int(5, completion.EarliestStart?.UtcTicks)
            .Text(6, completion.ErrorMessage)
            .Text(7, completion.ErrorDetail)
            .Int(8, progress is null ? null : progress.Percent)
            .Text(9, progress?.Message)
            .Int(10, progress?.Counters.Pages)
            .Int(11, progress?.Counters.Done)
            .Int(12, progress?.Counters.Failed)
            .Int(13, progress?.Counters.Skipped)
            .Int(14, completion.ResetAttempts ? 1 : 0)
            .Int(15, completion.Events.Count)
            .Int(16, completion.RefundAttempt ? 1 : 0)
            .Execute() == 1;
        var job = ended ? JobRecordReader.ReadSingle(session.Raw(EndedRowSql, 1).Guid(0, completion.JobId)) : null;
        if (job is null)
        {
            var rejectedEvents = new List<QueueEvent>();
            var rejectedClaims = ClaimAll(session, claimNext, rejectedEvents);
            return new CompletionResult(false, null, rejectedEvents, rejectedClaims.FirstOrDefault()) { Claims = rejectedClaims };
        }

        var counters = progress?.Counters ?? JobCounters.Zero;
        var byLogId = completion.LogEntryId > 0;
        var close = session.Raw(byLogId ? CloseLogSql : CloseOpenLogSql, 9);
        if (byLogId)
        {
            close.Int(0, completion.LogEntryId);
        }
        else
        {
            close.Guid(0, completion.JobId);
        }

        close.Int(1, now).Int(2, (long)completion.Result).Text(3, completion.ErrorMessage).Text(4, completion.ErrorDetail)
            .Int(5, counters.Pages).Int(6, counters.Done).Int(7, counters.Failed).Int(8, counters.Skipped).Execute();

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
