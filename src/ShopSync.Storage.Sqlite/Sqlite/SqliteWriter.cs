using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ShopSync.Storage.Sqlite;

/// <summary>
/// The single writer: one connection on a dedicated thread that drains every pending operation into one transaction
/// (group commit), and takes into it, before the commit, the operations queued while its statements ran (for the first
/// <see cref="DefaultJoinWindow"/> of the transaction, so a long one is not held open by a stream of arrivals). Concurrent
/// callers share one commit, and so one fsync under synchronous=FULL, which is what makes thousands of durable
/// enqueues per second possible on SQLite. One failing operation does not fail its batch neighbours: the batch runs
/// again with a savepoint per operation.
/// </summary>
internal sealed partial class SqliteWriter : IDisposable
{
    private readonly WriteQueue _queue;
    private readonly SqliteConnection _connection;
    private readonly WriteSession _session;
    private readonly Func<Exception, Exception> _translate;
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private readonly List<WriteOperation> _batch = [];
    private readonly TimeSpan _joinWindow;

    /// <summary>
    /// How long a transaction keeps taking arrivals. Joining saves an arrival the wait for one more commit (a flush,
    /// ~0.2-0.4 ms here), so it pays while the transaction is short: hand-overs and single enqueues. A transaction that
    /// has run longer (a bulk enqueue of thousands of entries) commits without waiting for its callers' next calls:
    /// joining those measured ~10 % fewer bulk entries per second, the callers queued in lockstep.
    /// </summary>
    internal static readonly TimeSpan DefaultJoinWindow = TimeSpan.FromMilliseconds(2);

    /// <param name="openConnection">The writer connection, opened.</param>
    /// <param name="maxBatch">Most operations per transaction (validated at start: at least 1).</param>
    /// <param name="translate">Turns a provider error into the engine's typed storage error (or returns it).</param>
    /// <param name="logger">The store's logger.</param>
    /// <param name="joinWindow">How long a transaction takes arrivals; <see cref="DefaultJoinWindow"/> when null.</param>
    public SqliteWriter(
        SqliteConnection openConnection, int maxBatch, Func<Exception, Exception> translate, ILogger logger, TimeSpan? joinWindow = null)
    {
        _connection = openConnection;
        _session = new WriteSession(openConnection);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _queue = new WriteQueue(maxBatch);
        _translate = translate;
        _logger = logger;
        _joinWindow = joinWindow ?? DefaultJoinWindow;
        _thread = new Thread(Run) { IsBackground = true, Name = "ShopSync queue writer" };
        _thread.Start();
    }

    /// <summary>Queues <paramref name="work"/>; inside an audited call the call's record goes into the same transaction.</summary>
    public Task<T> ExecuteAsync<T>(Func<WriteSession, T> work, CancellationToken cancellationToken, bool audited = true)
    {
        var operation = new WriteOperation<T>(work, cancellationToken, audited ? Queue.Audit.AuditScope.Current : null);
        _queue.Add(operation, this);
        return operation.Task;
    }

    public void Dispose()
    {
        _queue.Complete();
        _thread.Join();
        _session.DisposeCommands();
        _connection.Dispose();
    }

    private void Run()
    {
        while (true)
        {
            _batch.Clear();
            if (!_queue.WaitAndTake(_batch))
            {
                return;
            }

            if (_batch.Count > 0)
            {
                ExecuteBatch();
            }
        }
    }

    /// <summary>
    /// Runs the batch in one transaction without savepoints (they cost two statements and a statement journal per
    /// operation). If an operation throws, it alone fails: the transaction is rolled back and the others run again,
    /// this time each in its own savepoint.
    /// </summary>
    private void ExecuteBatch()
    {
        var failed = TryOptimistic();
        if (failed < 0)
        {
            return;
        }

        _batch.RemoveAt(failed);
        if (_batch.Count > 0)
        {
            ExecuteWithSavepoints();
        }
    }

    /// <summary>Returns -1 when the batch committed (or failed as a whole), else the index of the failed operation.</summary>
    private int TryOptimistic()
    {
        var failed = -1;
        try
        {
            _session.Begin();
            var began = Stopwatch.GetTimestamp();
            var executed = 0;
            do
            {
                for (; executed < _batch.Count && failed < 0; executed++)
                {
                    try
                    {
                        _batch[executed].Execute(_session);
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        _batch[executed].Fail(_translate(ex));
                        failed = executed;
                    }
                }
            }
            while (failed < 0 && Stopwatch.GetElapsedTime(began) < _joinWindow && _queue.TakeArrivals(_batch));

            if (failed >= 0)
            {
                _session.Transaction.Rollback();
                return failed;
            }

            _session.Transaction.Commit();
        }
        catch (Exception ex)
        {
            FailAll(ex);
            return -1;
        }
        finally
        {
            _session.End();
        }

        foreach (var operation in _batch)
        {
            operation.Commit();
        }

        return -1;
    }

    private void ExecuteWithSavepoints()
    {
        var succeeded = new List<WriteOperation>(_batch.Count);
        try
        {
            _session.Begin();
            var useSavepoints = _batch.Count > 1;
            foreach (var operation in _batch)
            {
                if (TryExecute(operation, useSavepoints))
                {
                    succeeded.Add(operation);
                }
            }

            _session.Transaction.Commit();
        }
        catch (Exception ex)
        {
            // Also the operations not reached yet (a failing BEGIN IMMEDIATE reaches none): every caller is answered.
            FailAll(ex);
            return;
        }
        finally
        {
            _session.End();
        }

        foreach (var operation in succeeded)
        {
            operation.Commit();
        }
    }

    private bool TryExecute(WriteOperation operation, bool useSavepoint)
    {
        if (!useSavepoint)
        {
            try
            {
                operation.Execute(_session);
                return true;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                operation.Fail(_translate(ex));
                _session.Transaction.Rollback();
                _session.End();
                _session.Begin();
                return false;
            }
        }

        _session.Savepoint();
        try
        {
            operation.Execute(_session);
            _session.Release();
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _session.RollbackToSavepoint();
            operation.Fail(_translate(ex));
            return false;
        }
    }

    /// <summary>Rolls back and fails every operation of the batch that has no answer yet (failing one twice is a no-op).</summary>
    private void FailAll(Exception exception)
    {
        LogBatchFailed(_logger, exception, _batch.Count);
        TryRollback();
        var error = _translate(exception);
        foreach (var operation in _batch)
        {
            operation.Fail(error);
        }
    }

    private void TryRollback()
    {
        if (!_session.InTransaction)
        {
            return;
        }

        try
        {
            _session.Transaction.Rollback();
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            LogRollbackFailed(_logger, ex);
        }
    }

    [LoggerMessage(EventId = 2101, EventName = "BatchFailed", Level = LogLevel.Error, Message = "Queue write batch of {Count} operations failed; all were rolled back")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 2102, EventName = "RollbackFailed", Level = LogLevel.Warning, Message = "Rolling back a failed queue write batch failed")]
    private static partial void LogRollbackFailed(ILogger logger, Exception exception);
}
