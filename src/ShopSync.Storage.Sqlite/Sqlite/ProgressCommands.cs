using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Sqlite;

/// <summary>Progress, checkpoints and lease renewal of running entries, all fenced by the run's token.</summary>
internal static class ProgressCommands
{
    private const string ProgressSql =
        "UPDATE queue_jobs SET progress_percent = @p2, progress_message = @p3, pages = @p4, done = @p5, failed = @p6, " +
        "skipped = @p7, event_seq = event_seq + 1 WHERE id = @p0 AND status = 4 AND fencing_token = @p1 " +
        "RETURNING event_seq, shop_code, category_code, report_id";

    private const string CheckpointSql =
        "UPDATE queue_jobs SET checkpoint = @p2 WHERE id = @p0 AND status = 4 AND fencing_token = @p1";

    private const string RenewSql =
        "UPDATE queue_jobs SET lease_expires_at = @p3 WHERE id = @p0 AND status = 4 AND fencing_token = @p1 AND lease_owner = @p2 " +
        "RETURNING cancel_requested";

    public static IReadOnlyList<QueueEvent> AppendProgress(WriteSession session, IReadOnlyList<ProgressWrite> writes)
    {
        var events = new List<QueueEvent>(writes.Count);
        foreach (var write in writes)
        {
            var counters = write.Progress.Counters;
            long seq;
            string shop;
            string category;
            int report;
            using (var reader = session.Command(ProgressSql, 8).Bind(
                write.JobId.Db(), write.FencingToken, (long)write.Progress.Percent, write.Progress.Message,
                counters.Pages, counters.Done, counters.Failed, counters.Skipped).ExecuteReader())
            {
                if (!reader.Read())
                {
                    continue;
                }

                seq = reader.GetInt64(0);
                shop = reader.GetString(1);
                category = reader.GetString(2);
                report = reader.GetInt32(3);
            }

            EventWriter.Append(session, write.JobId, shop, category, report, seq, new JobProgressReported(write.Progress), write.Time, events);
        }

        return events;
    }

    public static bool SaveCheckpoint(WriteSession session, Guid jobId, long fencingToken, string checkpoint) =>
        session.Command(CheckpointSql, 3).Bind(jobId.Db(), fencingToken, checkpoint).ExecuteNonQuery() == 1;

    public static LeaseRenewal Renew(WriteSession session, LeaseRenewalRequest request)
    {
        var lost = new List<Guid>();
        var cancel = new List<Guid>();
        var expiry = TimeCodec.ToTicks(request.LeaseExpiresAt);
        foreach (var run in request.Runs)
        {
            var result = session.Command(RenewSql, 4).Bind(run.JobId.Db(), run.FencingToken, request.Owner, expiry).ExecuteScalar();
            if (result is not long cancelRequested)
            {
                lost.Add(run.JobId);
            }
            else if (cancelRequested != 0)
            {
                cancel.Add(run.JobId);
            }
        }

        return new LeaseRenewal(lost, cancel);
    }
}
