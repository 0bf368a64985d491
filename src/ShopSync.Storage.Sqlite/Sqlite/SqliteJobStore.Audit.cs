using ShopSync.Queue.Audit;
using ShopSync.Storage.Audit;

namespace ShopSync.Storage.Sqlite;

/// <summary>The audit trail on the queue's database: appends through the single writer, reads on pooled connections.</summary>
internal sealed partial class SqliteJobStore : IAuditLog
{
    public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken) =>
        WriteUnaudited(session =>
        {
            var command = session.Command(AuditSql.Insert, AuditSql.ParameterCount);
            AuditSql.Bind(command, auditEvent);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task<(IReadOnlyList<AuditEvent> Events, bool HasMore)> ListAsync(AuditQuery query, CancellationToken cancellationToken) =>
        Read(() => AuditReads.List(_reads.Open(), query), cancellationToken);

    /// <summary>A write that is itself the audit record (not one more for the ambient call).</summary>
    private async Task<T> WriteUnaudited<T>(Func<WriteSession, T> work, CancellationToken cancellationToken)
    {
        if (_writer is null)
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
        }

        return await _writer!.ExecuteAsync(work, cancellationToken, audited: false).ConfigureAwait(false);
    }
}
