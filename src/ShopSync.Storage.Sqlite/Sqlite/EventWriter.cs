using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Sqlite;

/// <summary>
/// Appends events whose sequence numbers the caller took from the entry row's <c>event_seq</c>. The rows are inserted
/// when the write operation's work returns (<see cref="WriteSession.FlushEvents"/>), still inside its transaction.
/// </summary>
internal static class EventWriter
{
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
        session.AppendEvent(new PendingEvent(jobId, sequence, TimeCodec.ToTicks(time), data));
        sink.Add(new QueueEvent(new JobEvent(jobId, sequence, time, data), shopCode, categoryCode, reportId));
    }
}
