using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ShopSync.Storage.Sqlite;

/// <summary>
/// Multi-row <c>INSERT INTO queue_jobs</c> statements, one prepared statement per row count, bound through SQLitePCL
/// directly. A bulk enqueue spent most of its writer time in Microsoft.Data.Sqlite's per-execution and per-parameter
/// work (boxing, name lookups, a data reader per row); one statement per up to <see cref="MaxRows"/> rows with
/// positional binds leaves SQLite's own B-tree work.
/// </summary>
internal sealed class JobInsertStatements : IDisposable
{
    /// <summary>Rows per statement: 64 × 21 parameters stays far below SQLite's variable limit.</summary>
    public const int MaxRows = 64;

    /// <summary>Bound values per row, numbered ?1..?21 within the row (see <see cref="RowSql"/>).</summary>
    public const int ParametersPerRow = 21;

    private const string Head =
        "INSERT INTO queue_jobs (id, report_id, description, shop_code, category_code, priority, status, earliest_start, " +
        "expiration, max_attempts, attempts, rerun_delay_ms, timeout_ms, filters, options, created_by, pages, done, failed, " +
        "skipped, created_at, updated_at, last_result, schedule_id, occurrence_utc, fencing_token, cancel_requested, " +
        "hold_requested, accepted_status, foreground, event_seq, trace_parent) VALUES ";

    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt?[] _statements = new sqlite3_stmt?[MaxRows + 1];
    private byte[] _utf8 = new byte[512];

    public JobInsertStatements(SqliteConnection connection)
    {
        _connection = connection;
    }

    private sqlite3 Db => _connection.Handle ?? throw new InvalidOperationException("The writer connection is closed.");

    /// <summary>The reset statement for <paramref name="rows"/> rows; it returns each new row's entry_no.</summary>
    public sqlite3_stmt Get(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, MaxRows);
        var statement = _statements[rows];
        if (statement is null)
        {
            var sql = new StringBuilder(Head.Length + rows * 120).Append(Head);
            for (var row = 0; row < rows; row++)
            {
                sql.Append(row == 0 ? "" : ", ").Append(RowSql(row * ParametersPerRow));
            }

            sql.Append(" RETURNING entry_no");
            Check(raw.sqlite3_prepare_v2(Db, sql.ToString(), out statement));
            _statements[rows] = statement;
        }

        return statement;
    }

    /// <summary>Steps <paramref name="statement"/>, collecting the returned entry numbers; the SQLite result code on failure (statement reset).</summary>
    public int Run(sqlite3_stmt statement, Span<long> entryNumbers)
    {
        var count = 0;
        int rc;
        while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
        {
            entryNumbers[count++] = raw.sqlite3_column_int64(statement, 0);
        }

        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            return rc;
        }

        if (count != entryNumbers.Length)
        {
            throw new InvalidOperationException($"The insert returned {count} entry numbers for {entryNumbers.Length} rows.");
        }

        return raw.SQLITE_OK;
    }

    /// <summary>The extended result code of the last failure (e.g. 2067 for a unique constraint).</summary>
    public int ExtendedErrorCode => raw.sqlite3_extended_errcode(Db);

    public string ErrorMessage => raw.sqlite3_errmsg(Db).utf8_to_string();

    public void Throw(int rc) => SqliteException.ThrowExceptionForRC(rc, Db);

    public static void BindInt(sqlite3_stmt statement, int index, long value) => raw.sqlite3_bind_int64(statement, index, value);

    public static void BindInt(sqlite3_stmt statement, int index, long? value)
    {
        if (value is { } v)
        {
            raw.sqlite3_bind_int64(statement, index, v);
        }
        else
        {
            raw.sqlite3_bind_null(statement, index);
        }
    }

    /// <summary>Guids as the 16 bytes of <see cref="Guid.ToByteArray()"/>, like every other id column.</summary>
    public static void BindGuid(sqlite3_stmt statement, int index, Guid? value)
    {
        if (value is not { } v)
        {
            raw.sqlite3_bind_null(statement, index);
            return;
        }

        Span<byte> bytes = stackalloc byte[16];
        v.TryWriteBytes(bytes);
        raw.sqlite3_bind_blob(statement, index, bytes);
    }

    public void BindText(sqlite3_stmt statement, int index, string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, _utf8);
        raw.sqlite3_bind_text(statement, index, _utf8.AsSpan(0, length));
    }

    public void BindNullableText(sqlite3_stmt statement, int index, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(statement, index);
        }
        else
        {
            BindText(statement, index, value);
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

    private static string RowSql(int offset)
    {
        // ?1 id, ?2 report, ?3 description, ?4 shop, ?5 category, ?6 priority, ?7 status (also accepted_status),
        // ?8 earliest start, ?9 expiration, ?10 max attempts, ?11 rerun delay, ?12 timeout, ?13 filters, ?14 options,
        // ?15 created by, ?16 created at (also updated_at), ?17 schedule, ?18 occurrence, ?19 foreground, ?20 event_seq, ?21 trace parent.
        string P(int n) => "?" + (offset + n).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"({P(1)}, {P(2)}, {P(3)}, {P(4)}, {P(5)}, {P(6)}, {P(7)}, {P(8)}, {P(9)}, {P(10)}, 0, {P(11)}, {P(12)}, {P(13)}, " +
            $"{P(14)}, {P(15)}, 0, 0, 0, 0, {P(16)}, {P(16)}, 0, {P(17)}, {P(18)}, 0, 0, 0, {P(7)}, {P(19)}, {P(20)}, {P(21)})";
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            Throw(rc);
        }
    }
}
