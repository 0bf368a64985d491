using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using ShopSync.Queue.Events;
using ShopSync.Storage.Codecs;
using SQLitePCL;

namespace ShopSync.Storage.Sqlite;

/// <summary>
/// Multi-row <c>INSERT INTO queue_job_events</c> statements, one prepared statement per row count, bound through
/// SQLitePCL directly. A hand-over writes its completion and start events in one statement, and a claim's Waiting
/// marks (up to 256 entries) a statement per <see cref="MaxRows"/> rows instead of one each.
/// </summary>
internal sealed class EventInsertStatements : IDisposable
{
    /// <summary>Rows per statement (5 parameters each).</summary>
    public const int MaxRows = 64;

    private const int ParametersPerRow = 5;
    private const string Head = "INSERT INTO queue_job_events (job_id, seq, time, kind, data) VALUES ";

    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt?[] _statements = new sqlite3_stmt?[MaxRows + 1];
    private JobEventData? _lastData;
    private int _lastKind;
    private byte[] _lastJson = [];

    public EventInsertStatements(SqliteConnection connection)
    {
        _connection = connection;
    }

    private sqlite3 Db => _connection.Handle ?? throw new InvalidOperationException("The writer connection is closed.");

    /// <summary>Inserts <paramref name="rows"/> (at most <see cref="MaxRows"/>) in one statement; throws a <see cref="SqliteException"/> on failure.</summary>
    public void Insert(ReadOnlySpan<PendingEvent> rows)
    {
        var statement = Get(rows.Length);
        try
        {
            Span<byte> id = stackalloc byte[16];
            for (var i = 0; i < rows.Length; i++)
            {
                var row = rows[i];
                var p = i * ParametersPerRow;
                row.JobId.TryWriteBytes(id);
                raw.sqlite3_bind_blob(statement, p + 1, id);
                raw.sqlite3_bind_int64(statement, p + 2, row.Sequence);
                raw.sqlite3_bind_int64(statement, p + 3, row.Time);
                var (kind, json) = Encode(row.Data);
                raw.sqlite3_bind_int64(statement, p + 4, kind);
                raw.sqlite3_bind_text(statement, p + 5, json);
            }

            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_DONE)
            {
                raw.sqlite3_reset(statement);
                SqliteException.ThrowExceptionForRC(rc, Db);
            }
        }
        finally
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }

    public void Dispose()
    {
        for (var i = 0; i < _statements.Length; i++)
        {
            _statements[i]?.Dispose();
            _statements[i] = null;
        }
    }

    /// <summary>The same payload object (a claim's Waiting marks share one) is serialised once.</summary>
    private (int Kind, byte[] Json) Encode(JobEventData data)
    {
        if (!ReferenceEquals(data, _lastData))
        {
            var (kind, json) = EventCodec.Encode(data);
            _lastKind = kind;
            _lastJson = Encoding.UTF8.GetBytes(json);
            _lastData = data;
        }

        return (_lastKind, _lastJson);
    }

    private sqlite3_stmt Get(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, MaxRows);
        var statement = _statements[rows];
        if (statement is null)
        {
            var sql = new StringBuilder(Head.Length + rows * 24).Append(Head);
            for (var row = 0; row < rows; row++)
            {
                var p = row * ParametersPerRow;
                sql.Append(row == 0 ? "(" : ", (")
                    .Append(string.Join(", ", Enumerable.Range(p + 1, ParametersPerRow).Select(n => "?" + n.ToString(CultureInfo.InvariantCulture))))
                    .Append(')');
            }

            var rc = raw.sqlite3_prepare_v2(Db, sql.ToString(), out statement);
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, Db);
            }

            _statements[rows] = statement;
        }

        return statement;
    }
}
