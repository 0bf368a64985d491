using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Sqlite;

/// <summary>Appends events whose sequence numbers the caller took from the entry row's <c>event_seq</c>.</summary>
internal static class EventWriter
{
    private const string InsertSql = "INSERT INTO queue_job_events (job_id, seq, time, kind, data) VALUES (@p0, @p1, @p2, @p3, @p4)";

    /// <summary>Writes <paramref name="data"/> as sequences <c>lastSequence - count + 1 .. lastSequence</c>.</summary>
    public static void Append(
        WriteSession session,
        Job job,
        long lastSequence,
        IReadOnlyList<JobEventData> data,
        DateTimeOffset time,
        List<QueueEvent> sink)
    {
        var first = lastSequence - data.Count + 1;
        for (var i = 0; i < data.Count; i++)
        {
            Append(session, job.Id, job.ShopCode, job.CategoryCode, job.ReportId, first + i, data[i], time, sink);
        }
    }

    public static void Append(
        WriteSession session,
        Guid jobId,
        string shopCode,
        string categoryCode,
        int reportId,
        long sequence,
        JobEventData data,
        DateTimeOffset time,
        List<QueueEvent> sink)
    {
        var (kind, json) = EventCodec.Encode(data);
        session.Command(InsertSql, 5).Bind(jobId.Db(), sequence, TimeCodec.ToTicks(time), (long)kind, json).ExecuteNonQuery();
        sink.Add(new QueueEvent(new JobEvent(jobId, sequence, time, data), shopCode, categoryCode, reportId));
    }
}
