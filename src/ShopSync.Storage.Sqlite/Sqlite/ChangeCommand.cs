using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Sqlite;

/// <summary>Operator changes, conditional on the status the engine based its decision on (optimistic concurrency).</summary>
internal static class ChangeCommand
{
    private const string ChangeSql =
        "UPDATE queue_jobs SET status = COALESCE(@p3, status), earliest_start = COALESCE(@p4, earliest_start), " +
        "attempts = CASE WHEN @p5 = 1 THEN 0 ELSE attempts END, " +
        "error_message = CASE WHEN @p6 = 1 THEN NULL ELSE error_message END, " +
        "error_detail = CASE WHEN @p6 = 1 THEN NULL ELSE error_detail END, " +
        "last_result = COALESCE(@p7, last_result), ended_at = CASE WHEN @p7 IS NULL THEN ended_at ELSE @p2 END, " +
        "hold_requested = COALESCE(@p8, hold_requested), cancel_requested = COALESCE(@p9, cancel_requested), " +
        "filters = COALESCE(@p10, filters), options = COALESCE(@p11, options), updated_at = @p2, event_seq = event_seq + @p12 " +
        "WHERE id = @p0 AND status = @p1 RETURNING " + JobRecordReader.Columns;

    private const string DeleteJobSql = "DELETE FROM queue_jobs WHERE id = @p0 AND status = @p1";

    private const string DeleteEventsSql = "DELETE FROM queue_job_events WHERE job_id = @p0";

    public static StoreResult<Job>? Execute(WriteSession session, JobChange change)
    {
        var job = JobRecordReader.ReadSingle(session.Command(ChangeSql, 13).Bind(
            change.JobId.Db(),
            (long)change.ExpectedStatus,
            TimeCodec.ToTicks(change.Now),
            change.Status is { } status ? (long)status : null,
            TimeCodec.ToDb(change.EarliestStart),
            change.ResetAttempts.Db(),
            change.ClearError.Db(),
            change.Result is { } result ? (long)result : null,
            change.HoldRequested?.Db(),
            change.CancelRequested?.Db(),
            change.Filters is null ? null : ParameterCodec.EncodeFilters(change.Filters),
            change.Options is null ? null : ParameterCodec.EncodeOptions(change.Options),
            (long)change.Events.Count));
        if (job is null)
        {
            return null;
        }

        var events = new List<QueueEvent>(change.Events.Count);
        EventWriter.Append(session, job, job.LastEventSequence, change.Events, change.Now, events);
        return new StoreResult<Job>(job, events);
    }

    public static bool Delete(WriteSession session, Guid jobId, JobStatus expectedStatus)
    {
        var id = jobId.Db();
        if (session.Command(DeleteJobSql, 2).Bind(id, (long)expectedStatus).ExecuteNonQuery() != 1)
        {
            return false;
        }

        session.Command(DeleteEventsSql, 1).Bind(id).ExecuteNonQuery();
        return true;
    }
}
