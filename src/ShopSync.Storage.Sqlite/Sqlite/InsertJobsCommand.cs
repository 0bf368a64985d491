using SQLitePCL;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Sqlite;

/// <summary>
/// Inserts entries, up to <see cref="JobInsertStatements.MaxRows"/> per statement. The accepted event (sequence 1) is
/// not stored: it is derived from the row. An entry due now in a busy category is stored Waiting and gets a waiting
/// event (sequence 2) naming the entry it waits for, so a foreground caller learns at once why its run does not start.
/// </summary>
internal static class InsertJobsCommand
{
    private const string RunningSql = "SELECT id FROM queue_jobs WHERE category_code = @p0 AND status = 4";

    /// <summary>The writer's part: the rows and the waiting events. The results are built by <see cref="ToResult"/> off the writer thread.</summary>
    public static InsertedJobs Execute(WriteSession session, IReadOnlyList<NewJob> jobs)
    {
        var running = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        var blocking = new Guid?[jobs.Count];
        for (var i = 0; i < jobs.Count; i++)
        {
            var job = jobs[i].Job;
            if (job.Status == JobStatus.Ready && job.EarliestStart <= job.CreatedAt)
            {
                blocking[i] = Running(session, running, job.CategoryCode);
            }
        }

        var entryNumbers = new long[jobs.Count];
        var statements = session.JobInserts;
        for (var start = 0; start < jobs.Count; start += JobInsertStatements.MaxRows)
        {
            var rows = Math.Min(JobInsertStatements.MaxRows, jobs.Count - start);
            if (!TryInsert(statements, jobs, blocking, start, rows, entryNumbers))
            {
                // A constraint failed and the statement was undone; row by row names the entry (a recurring occurrence queued twice).
                for (var i = start; i < start + rows; i++)
                {
                    if (!TryInsert(statements, jobs, blocking, i, 1, entryNumbers))
                    {
                        ThrowConstraint(statements, jobs[i].Job);
                    }
                }
            }
        }

        var waiting = new List<QueueEvent>();
        for (var i = 0; i < jobs.Count; i++)
        {
            if (blocking[i] is { } blockingId)
            {
                var job = jobs[i].Job;
                EventWriter.Append(
                    session, job.Id, job.ShopCode, job.CategoryCode, job.ReportId, 2, new JobWaiting(blockingId, job.CategoryCode), job.CreatedAt, waiting);
            }
        }

        return new InsertedJobs(entryNumbers, blocking, waiting);
    }

    /// <summary>The stored entries and their events (accepted, then waiting where the category was busy), ascending per entry.</summary>
    public static StoreResult<IReadOnlyList<Job>> ToResult(IReadOnlyList<NewJob> jobs, InsertedJobs inserted)
    {
        var stored = new Job[jobs.Count];
        var events = new List<QueueEvent>(jobs.Count + inserted.WaitingEvents.Count);
        var nextWaiting = 0;
        for (var i = 0; i < jobs.Count; i++)
        {
            var (job, foreground) = (jobs[i].Job, jobs[i].Foreground);
            var waits = inserted.Blocking[i] is not null;
            var status = waits ? JobStatus.Waiting : job.Status;
            stored[i] = job with
            {
                EntryNo = inserted.EntryNumbers[i],
                Status = status,
                Attempts = 0,
                UpdatedAt = job.CreatedAt,
                LastEventSequence = waits ? 2 : 1,
            };
            events.Add(new QueueEvent(
                JobAccepted.Of(job.Id, inserted.EntryNumbers[i], status, job.CreatedAt, foreground),
                job.ShopCode,
                job.CategoryCode,
                job.ReportId));
            if (waits)
            {
                events.Add(inserted.WaitingEvents[nextWaiting++]);
            }
        }

        return new StoreResult<IReadOnlyList<Job>>(stored, events);
    }

    /// <summary>False when a constraint failed (nothing of the statement is kept); other failures throw.</summary>
    private static bool TryInsert(JobInsertStatements statements, IReadOnlyList<NewJob> jobs, Guid?[] blocking, int start, int rows, long[] entryNumbers)
    {
        var statement = statements.Get(rows);
        for (var row = 0; row < rows; row++)
        {
            Bind(statements, statement, row * JobInsertStatements.ParametersPerRow, jobs[start + row], blocking[start + row]);
        }

        var numbers = entryNumbers.AsSpan(start, rows);
        var rc = statements.Run(statement, numbers);
        if (rc == raw.SQLITE_CONSTRAINT)
        {
            return false;
        }

        if (rc != raw.SQLITE_OK)
        {
            statements.Throw(rc);
        }

        // RETURNING gives no order; AUTOINCREMENT numbers the VALUES rows in ascending order.
        numbers.Sort();
        return true;
    }

    private static void Bind(JobInsertStatements statements, sqlite3_stmt statement, int offset, NewJob item, Guid? blocking)
    {
        var job = item.Job;
        var status = blocking is null ? job.Status : JobStatus.Waiting;
        JobInsertStatements.BindGuid(statement, offset + 1, job.Id);
        JobInsertStatements.BindInt(statement, offset + 2, job.ReportId);
        statements.BindText(statement, offset + 3, job.Description);
        statements.BindText(statement, offset + 4, job.ShopCode);
        statements.BindText(statement, offset + 5, job.CategoryCode);
        JobInsertStatements.BindInt(statement, offset + 6, job.Priority);
        JobInsertStatements.BindInt(statement, offset + 7, (long)status);
        JobInsertStatements.BindInt(statement, offset + 8, TimeCodec.ToTicks(job.EarliestStart));
        JobInsertStatements.BindInt(statement, offset + 9, job.Expiration?.UtcTicks);
        JobInsertStatements.BindInt(statement, offset + 10, job.MaxAttempts);
        JobInsertStatements.BindInt(statement, offset + 11, (long)job.RerunDelay.TotalMilliseconds);
        JobInsertStatements.BindInt(statement, offset + 12, (long)job.Timeout.TotalMilliseconds);
        statements.BindText(statement, offset + 13, ParameterCodec.EncodeFilters(job.Filters));
        statements.BindText(statement, offset + 14, ParameterCodec.EncodeOptions(job.Options));
        statements.BindText(statement, offset + 15, job.CreatedBy);
        JobInsertStatements.BindInt(statement, offset + 16, TimeCodec.ToTicks(job.CreatedAt));
        JobInsertStatements.BindGuid(statement, offset + 17, job.ScheduleId);
        JobInsertStatements.BindInt(statement, offset + 18, job.OccurrenceUtc?.UtcTicks);
        JobInsertStatements.BindInt(statement, offset + 19, item.Foreground ? 1L : 0L);
        JobInsertStatements.BindInt(statement, offset + 20, blocking is null ? 1L : 2L);
        statements.BindNullableText(statement, offset + 21, job.TraceParent);
    }

    private static void ThrowConstraint(JobInsertStatements statements, Job job)
    {
        if (statements.ExtendedErrorCode == 2067 && statements.ErrorMessage.Contains("schedule_id", StringComparison.Ordinal) && job.ScheduleId is { } schedule)
        {
            throw new JobOccurrenceExistsException(schedule, job.OccurrenceUtc!.Value);
        }

        statements.Throw(raw.SQLITE_CONSTRAINT);
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
