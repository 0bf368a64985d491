using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ShopSync.Storage.Sqlite;

/// <summary>
/// A statement of the hand-over path prepared once on the writer connection and bound through SQLitePCL directly:
/// no boxed parameter values, no parameter-name lookups and no data reader per execution (Microsoft.Data.Sqlite's
/// share of a short statement was larger than SQLite's). Parameters are named <c>@p0..@pN</c> in the SQL.
/// </summary>
internal sealed class RawStatement : IJobRow, IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _index;
    private byte[] _utf8 = new byte[256];

    public RawStatement(sqlite3 db, string sql, int parameterCount)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v2(db, sql, out _statement));
        _index = new int[parameterCount];
        for (var i = 0; i < parameterCount; i++)
        {
            _index[i] = raw.sqlite3_bind_parameter_index(_statement, "@p" + i.ToString(CultureInfo.InvariantCulture));
            if (_index[i] == 0)
            {
                throw new InvalidOperationException($"Parameter @p{i} is not in: {sql}");
            }
        }
    }

    public RawStatement Int(int parameter, long value)
    {
        raw.sqlite3_bind_int64(_statement, _index[parameter], value);
        return this;
    }

    public RawStatement Int(int parameter, long? value) => value is { } v ? Int(parameter, v) : Null(parameter);

    public RawStatement Null(int parameter)
    {
        raw.sqlite3_bind_null(_statement, _index[parameter]);
        return this;
    }

    /// <summary>Guids as the 16 bytes of <see cref="Guid.ToByteArray()"/>, like every id column.</summary>
    public RawStatement Guid(int parameter, Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes);
        raw.sqlite3_bind_blob(_statement, _index[parameter], bytes);
        return this;
    }

    public RawStatement Text(int parameter, string? value)
    {
        if (value is null)
        {
            return Null(parameter);
        }

        if (value.Length == 0)
        {
            // An empty span would pass a null pointer, which SQLite binds as NULL: bind a real empty text instead.
            raw.sqlite3_bind_text(_statement, _index[parameter], string.Empty);
            return this;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, _utf8);

        // SQLITE_TRANSIENT: SQLite copies the text, so the buffer can be reused for the next parameter.
        raw.sqlite3_bind_text(_statement, _index[parameter], _utf8.AsSpan(0, length));
        return this;
    }

    /// <summary>Steps once: true with a row to read, false when done. Throws the provider's exception on failure (statement reset).</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc == raw.SQLITE_DONE)
        {
            return false;
        }

        Reset();
        SqliteException.ThrowExceptionForRC(rc, _db);
        return false;
    }

    /// <summary>Runs a statement without result rows; returns the rows it changed.</summary>
    public int Execute()
    {
        try
        {
            while (Step())
            {
            }

            return raw.sqlite3_changes(_db);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>
    /// Runs an INSERT of one row and returns its rowid (sqlite3_last_insert_rowid), or null when it inserted nothing.
    /// Cheaper than <c>RETURNING id</c>, which makes SQLite build and drop an ephemeral table on every execution.
    /// </summary>
    public long? ExecuteInsert() => Execute() == 1 ? raw.sqlite3_last_insert_rowid(_db) : null;

    /// <summary>Runs a statement returning one integer (or none: null).</summary>
    public long? ExecuteInt()
    {
        try
        {
            return Step() && !IsNull(0) ? Int64(0) : null;
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Makes the statement ready for the next execution and releases its bound values.</summary>
    public void Reset()
    {
        raw.sqlite3_reset(_statement);
        raw.sqlite3_clear_bindings(_statement);
    }

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    public int Int32(int column) => raw.sqlite3_column_int(_statement, column);

    public string String(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string() ?? string.Empty;

    public string? NullableString(int column) => IsNull(column) ? null : String(column);

    public Guid Guid(int column) => new(raw.sqlite3_column_blob(_statement, column));

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
