namespace ShopSync.Queue.Audit;

/// <summary>The append-only audit trail.</summary>
public interface IAuditLog
{
    /// <summary>Appends a record on its own (a call that wrote nothing, failed or was denied).</summary>
    Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>One page, newest first; <c>HasMore</c> when a further page exists.</summary>
    Task<(IReadOnlyList<AuditEvent> Events, bool HasMore)> ListAsync(AuditQuery query, CancellationToken cancellationToken);
}
