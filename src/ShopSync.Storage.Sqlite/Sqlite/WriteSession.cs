using Microsoft.Data.Sqlite;

namespace ShopSync.Storage.Sqlite;

/// <summary>The writer connection inside one batch transaction, with its prepared commands.</summary>
internal sealed class WriteSession
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;
    private JobInsertStatements? _jobInserts;
    private EventInsertStatements? _eventInserts;
    private readonly List<PendingEvent> _pendingEvents = [];
    private readonly Dictionary<string, RawStatement> _raw = new(StringComparer.Ordinal);

    public WriteSession(SqliteConnection connection)
    {
        _connection = connection;
    }

    public SqliteTransaction Transaction => _transaction ?? throw new InvalidOperationException("No batch transaction is open.");

    /// <summary>The multi-row entry inserts of this connection (prepared on first use).</summary>
    public JobInsertStatements JobInserts => _jobInserts ??= new JobInsertStatements(_connection);

    /// <summary>Queues an event row; <see cref="FlushEvents"/> inserts the operation's rows in as few statements as possible.</summary>
    public void AppendEvent(in PendingEvent row) => _pendingEvents.Add(row);

    /// <summary>Inserts the event rows appended since the last flush (called when an operation's work returns).</summary>
    public void FlushEvents()
    {
        if (_pendingEvents.Count == 0)
        {
            return;
        }

        try
        {
            _eventInserts ??= new EventInsertStatements(_connection);
            ReadOnlySpan<PendingEvent> rows = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_pendingEvents);
            while (rows.Length > 0)
            {
                var count = Math.Min(rows.Length, EventInsertStatements.MaxRows);
                _eventInserts.Insert(rows[..count]);
                rows = rows[count..];
            }
        }
        finally
        {
            _pendingEvents.Clear();
        }
    }

    /// <summary>Drops the event rows of an operation that failed.</summary>
    public void DiscardEvents() => _pendingEvents.Clear();

    /// <summary>True between a successful <see cref="Begin"/> and <see cref="End"/>.</summary>
    public bool InTransaction => _transaction is not null;

    public void Begin() => _transaction = _connection.BeginTransaction(deferred: false);

    public void End()
    {
        _transaction?.Dispose();
        _transaction = null;
    }

    /// <summary>Opens the per-operation savepoint with a prepared statement (cheaper than SqliteTransaction.Save, which parses anew each time).</summary>
    public void Savepoint() => Command("SAVEPOINT op", 0).ExecuteNonQuery();

    /// <summary>Keeps the operation's writes.</summary>
    public void Release() => Command("RELEASE op", 0).ExecuteNonQuery();

    /// <summary>Undoes the operation's writes and closes its savepoint.</summary>
    public void RollbackToSavepoint()
    {
        Command("ROLLBACK TO op", 0).ExecuteNonQuery();
        Command("RELEASE op", 0).ExecuteNonQuery();
    }

    /// <summary>A prepared command for <paramref name="sql"/> whose parameters are <c>@p0..@pN</c> in order.</summary>
    public SqliteCommand Command(string sql, int parameterCount)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameterCount; i++)
            {
                command.Parameters.Add(new SqliteParameter("@p" + i, null));
            }

            _commands[sql] = command;
        }

        command.Transaction = _transaction;
        return command;
    }

    /// <summary>A statement of the hot path bound through SQLitePCL directly (see <see cref="RawStatement"/>), prepared on first use.</summary>
    public RawStatement Raw(string sql, int parameterCount)
    {
        if (!_raw.TryGetValue(sql, out var statement))
        {
            statement = new RawStatement(_connection.Handle ?? throw new InvalidOperationException("The writer connection is closed."), sql, parameterCount);
            _raw[sql] = statement;
        }

        return statement;
    }

    /// <summary>A one-off command (dynamic SQL); the caller disposes it.</summary>
    public SqliteCommand AdHoc(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        return command;
    }

    public void DisposeCommands()
    {
        _jobInserts?.Dispose();
        _jobInserts = null;
        _eventInserts?.Dispose();
        _eventInserts = null;
        foreach (var statement in _raw.Values)
        {
            statement.Dispose();
        }

        _raw.Clear();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
