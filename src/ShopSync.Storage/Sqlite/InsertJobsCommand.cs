using Microsoft.Data.Sqlite;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Sqlite;

/// <summary>
/// Inserts entries. The accepted event (sequence 1) is not stored: it is derived from the row. An entry due now in a
/// busy category is stored Waiting and gets a waiting event (sequence 2) naming the entry it waits for, so a
/// foreground caller learns at once why its run does not start.
/// </summary>
internal static class InsertJobsCommand
{
    private const string InsertSql =
        "INSERT INTO queue_jobs (id, report_id, description, shop_code, category_code, priority, status, earliest_start, " +
        "expiration, max_attempts, attempts, rerun_delay_ms, timeout_ms, filters, options, created_by, pages, done, failed, " +
        "skipped, created_at, updated_at, last_result, schedule_id, occurrence_utc, fencing_token, cancel_requested, " +
        "hold_requested, accepted_status, foreground, event_seq) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, " +
        "0, @p10, @p11, @p12, @p13, @p14, 0, 0, 0, 0, @p15, @p15, 0, @p16, @p17, 0, 0, 0, @p6, @p18, @p19) RETURNING entry_no";

    private const string RunningSql = "SELECT id FROM queue_jobs WHERE category_code = @p0 AND status = 4";

    public static StoreResult<IReadOnlyList<Job>> Execute(WriteSession session, IReadOnlyList<NewJob> jobs)
    {
        var running = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        var stored = new List<Job>(jobs.Count);
        var events = new List<QueueEvent>(jobs.Count);
        var insert = session.Command(InsertSql, 20);
        foreach (var item in jobs)
        {
            var job = item.Job;
            var status = job.Status;
            var blocking = status == JobStatus.Ready && job.EarliestStart <= job.CreatedAt ? Running(session, running, job.CategoryCode) : null;
            if (blocking is not null)
            {
                status = JobStatus.Waiting;
            }

            long entryNo;
            try
            {
                entryNo = (long)insert.Bind(
                    job.Id.Db(),
                    (long)job.ReportId,
                    job.Description,
                    job.ShopCode,
                    job.CategoryCode,
                    (long)job.Priority,
                    (long)status,
                    TimeCodec.ToTicks(job.EarliestStart),
                    TimeCodec.ToDb(job.Expiration),
                    (long)job.MaxAttempts,
                    (long)job.RerunDelay.TotalMilliseconds,
                    (long)job.Timeout.TotalMilliseconds,
                    ParameterCodec.EncodeFilters(job.Filters),
                    ParameterCodec.EncodeOptions(job.Options),
                    job.CreatedBy,
                    TimeCodec.ToTicks(job.CreatedAt),
                    job.ScheduleId.Db(),
                    TimeCodec.ToDb(job.OccurrenceUtc),
                    item.Foreground.Db(),
                    blocking is null ? 1L : 2L).ExecuteScalar()!;
            }
            catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == 2067 && ex.Message.Contains("schedule_id", StringComparison.Ordinal))
            {
                throw new JobOccurrenceExistsException(job.ScheduleId!.Value, job.OccurrenceUtc!.Value);
            }

            var result = job with
            {
                EntryNo = entryNo,
                Status = status,
                Attempts = 0,
                UpdatedAt = job.CreatedAt,
                LastEventSequence = blocking is null ? 1 : 2,
            };
            stored.Add(result);
            events.Add(new QueueEvent(
                new JobEvent(job.Id, 1, job.CreatedAt, new JobAccepted(entryNo, status, item.Foreground)),
                job.ShopCode,
                job.CategoryCode,
                job.ReportId));
            if (blocking is { } blockingId)
            {
                EventWriter.Append(
                    session, job.Id, job.ShopCode, job.CategoryCode, job.ReportId, 2, new JobWaiting(blockingId, job.CategoryCode), job.CreatedAt, events);
            }
        }

        return new StoreResult<IReadOnlyList<Job>>(stored, events);
    }

    private static Guid? Running(WriteSession session, Dictionary<string, Guid?> cache, string category)
    {
        if (!cache.TryGetValue(category, out var id))
        {
            id = session.Command(RunningSql, 1).Bind(category).ExecuteScalar() is byte[] bytes ? new Guid(bytes) : null;
            cache[category] = id;
        }

        return id;
    }
}
