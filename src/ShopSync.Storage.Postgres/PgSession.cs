using Npgsql;
using ShopSync.Queue.Events;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Postgres;

/// <summary>
/// One write transaction on a pooled connection (READ COMMITTED, no savepoints). Events are buffered and written with
/// one multi-row insert in the commit's round trip, except where a statement writes its own (a hand-over's, see
/// <see cref="PgWrites.CompleteAsync"/>) and the events are only broadcast (<see cref="Broadcast"/>).
/// </summary>
internal sealed class PgSession
{
    // The log key (see QueueSchema V4): this transaction's xid8, or the entry's newest key when that is higher (the
    // entry's previous event committed, but its writer may have an xid above ours); positions come from the sequence
    // in the order of the rows. Statements that write their own events (a completion's, a claim's) use the same key.
    private static readonly string InsertEventsSql =
        "INSERT INTO queue_job_events (job_id, seq, time, kind, data, log_key) " +
        "SELECT u.job_id, u.seq, u.time, u.kind, u.data, " + LogKey("u.job_id") + " " +
        "FROM unnest($1::uuid[], $2::bigint[], $3::timestamptz[], $4::integer[], $5::text[]) WITH ORDINALITY AS u(job_id, seq, time, kind, data, ord) " +
        "ORDER BY u.ord";

    /// <summary>The SQL of an event's log key for the entry <paramref name="jobId"/> (an SQL expression).</summary>
    public static string LogKey(string jobId) =>
        "GREATEST(pg_current_xact_id(), " +
        $"(SELECT le.log_key FROM queue_job_events le WHERE le.job_id = {jobId} ORDER BY le.seq DESC LIMIT 1), " +
        $"(SELECT lj.log_key FROM queue_jobs lj WHERE lj.id = {jobId}))";

    private readonly List<(Guid JobId, long Seq, DateTimeOffset Time, int Kind, string Data)> _events = [];

    public PgSession(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresStoreOptions options)
    {
        Connection = connection;
        Transaction = transaction;
        Options = options;
    }

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    public PostgresStoreOptions Options { get; }

    /// <summary>A command with positional parameters <c>$1..$n</c> bound to <paramref name="values"/>.</summary>
    public NpgsqlCommand Command(string sql, params object?[] values) => Pg.Command(Connection, Transaction, sql, values);

    /// <summary>A batch in this transaction: its statements go to PostgreSQL in one round trip.</summary>
    public NpgsqlBatch Batch() => new(Connection, Transaction);

    /// <summary>Records an event to write at commit and hands it to <paramref name="sink"/> for broadcasting.</summary>
    public void Event(Guid jobId, string shopCode, string categoryCode, int reportId, long sequence, JobEventData data, DateTimeOffset time, List<QueueEvent> sink)
    {
        var (kind, json) = EventCodec.Encode(data);
        _events.Add((jobId, sequence, time, kind, json));
        Broadcast(jobId, shopCode, categoryCode, reportId, sequence, data, time, sink);
    }

    /// <summary>Hands an event that a statement of this transaction wrote itself to <paramref name="sink"/> for broadcasting.</summary>
    public static void Broadcast(Guid jobId, string shopCode, string categoryCode, int reportId, long sequence, JobEventData data, DateTimeOffset time, List<QueueEvent> sink) =>
        sink.Add(new QueueEvent(new JobEvent(jobId, sequence, time, data), shopCode, categoryCode, reportId));

    /// <summary>True while events wait for <see cref="CommitAsync(IReadOnlyList{NpgsqlBatchCommand}, CancellationToken)"/>.</summary>
    public bool HasBufferedEvents => _events.Count > 0;

    /// <summary>
    /// Ends the transaction in one round trip: the buffered events (one multi-row insert), then <paramref name="last"/>
    /// (e.g. the call's audit record) when given, then <c>COMMIT</c>, sent as one batch. PostgreSQL skips the rest of a
    /// batch after a failed statement, so the commit runs only if everything before it succeeded; Npgsql sees the
    /// transaction end in the reply and treats its <see cref="NpgsqlTransaction"/> as completed.
    /// </summary>
    public Task CommitAsync(NpgsqlBatchCommand? last, CancellationToken cancellationToken) =>
        CommitAsync(last is null ? [] : [last], cancellationToken);

    /// <summary>As above, with several statements before the commit (e.g. the audit records of a group commit's calls).</summary>
    public async Task CommitAsync(IReadOnlyList<NpgsqlBatchCommand> last, CancellationToken cancellationToken)
    {
        await using var batch = Batch();
        if (_events.Count > 0)
        {
            batch.BatchCommands.Add(Pg.BatchCommand(
                InsertEventsSql,
                _events.Select(e => e.JobId).ToArray(),
                _events.Select(e => e.Seq).ToArray(),
                _events.Select(e => Pg.Utc(e.Time)).ToArray(),
                _events.Select(e => e.Kind).ToArray(),
                _events.Select(e => e.Data).ToArray()));
        }

        foreach (var command in last)
        {
            batch.BatchCommands.Add(command);
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        _events.Clear();
    }
}
