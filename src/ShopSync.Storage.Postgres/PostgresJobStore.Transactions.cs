using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Npgsql;
using ShopSync.Queue.Audit;

namespace ShopSync.Storage.Postgres;

/// <summary>The store's transaction plumbing: every write and read goes through these, with retries and typed failures.</summary>
internal sealed partial class PostgresJobStore
{
    /// <summary>
    /// One transaction: the work, then the buffered events and the commit in one round trip; a deadlock victim is
    /// retried from the start. Inside an audited call the first write also inserts the call's audit record (in the
    /// commit's round trip), so the change and its record commit (or roll back) together, as on SQLite.
    /// </summary>
    private Task<T> Write<T>(Func<PgSession, Task<T>> work, CancellationToken cancellationToken, [CallerMemberName] string operation = "") =>
        Write(work, AuditScope.Current, cancellationToken, operation);

    private Task<T> Write<T>(Func<PgSession, Task<T>> work, AuditRecord? audit, CancellationToken cancellationToken, string operation) =>
        Write(work, audit is null ? [] : [audit], cancellationToken, operation);

    /// <summary>As above, with the audit records of several calls (a group commit's): each commits with the change.</summary>
    private Task<T> Write<T>(Func<PgSession, Task<T>> work, IReadOnlyList<AuditRecord> audits, CancellationToken cancellationToken, string operation) =>
        WriteCommitting(
            async (session, records) =>
            {
                var value = await work(session).ConfigureAwait(false);
                await session.CommitAsync(records(), cancellationToken).ConfigureAwait(false);
                return value;
            },
            audits,
            cancellationToken,
            operation);

    /// <summary>
    /// One transaction that <paramref name="work"/> ends itself: its last batch carries the audit records (the commands
    /// the function it is given returns, claimed for this transaction when it calls it) and <c>COMMIT</c>, so a
    /// statement that writes its own events commits in its own round trip (a transaction left open rolls back when it
    /// is disposed). Retried from the start as above.
    /// </summary>
    private async Task<T> WriteCommitting<T>(
        Func<PgSession, Func<IReadOnlyList<NpgsqlBatchCommand>>, Task<T>> work, IReadOnlyList<AuditRecord> audits, CancellationToken cancellationToken, string operation)
    {
        LogStoreCall(_logger, operation);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var owner = new object();
        IReadOnlyList<NpgsqlBatchCommand> Records() => audits.Where(a => a.TryClaim(owner)).Select(a => AppendCommand(a.ToSucceededEvent())).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await Guard(async () =>
                {
                    await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    var session = new PgSession(connection, transaction, _options);
                    var value = await work(session, Records).ConfigureAwait(false);
                    if (session.HasBufferedEvents)
                    {
                        throw new InvalidOperationException($"Store call {operation} ended its transaction with events unwritten.");
                    }

                    return value;
                }).ConfigureAwait(false);
                foreach (var audit in audits)
                {
                    audit.Confirm(owner);
                }

                return result;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < MaxDeadlockRetries)
            {
                LogRetried(_logger, operation, ex.SqlState, attempt);
            }
            catch
            {
                foreach (var audit in audits)
                {
                    audit.Release(owner);
                }

                throw;
            }
        }
    }

    private async Task<T> Read<T>(Func<Task<T>> read, CancellationToken cancellationToken, [CallerMemberName] string operation = "")
    {
        LogStoreCall(_logger, operation);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await Guard(read).ConfigureAwait(false);
    }

    /// <summary>Connection failures as the engine's typed storage error; everything else unchanged.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (PostgresFailures.Translate(ex, _options.ConnectionString) is { } unavailable)
        {
            throw unavailable;
        }
    }

    /// <summary>Every database call at Trace level, as on SQLite (the engine benchmark counts them).</summary>
    [LoggerMessage(EventId = 2003, EventName = "StoreCall", Level = LogLevel.Trace, Message = "Store call {Operation}")]
    private static partial void LogStoreCall(ILogger logger, string operation);

    [LoggerMessage(EventId = 2102, EventName = "PostgresWriteRetried", Level = LogLevel.Debug, Message = "Store call {Operation} retried after {SqlState} (attempt {Attempt})")]
    private static partial void LogRetried(ILogger logger, string operation, string sqlState, int attempt);
}
