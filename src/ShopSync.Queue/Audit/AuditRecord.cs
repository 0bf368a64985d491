namespace ShopSync.Queue.Audit;

/// <summary>
/// The audit record of one call in progress, made ambient by <see cref="AuditScope"/>. The first store write of the
/// call claims it and inserts it as a succeeded record in its own transaction, so the change and its record commit
/// (or roll back) together; a call that wrote nothing, failed or was denied is appended on its own afterwards.
/// </summary>
public sealed class AuditRecord
{
    private object? _owner;
    private volatile bool _written;
    private volatile bool _closed;
    private volatile bool _deferred;

    public required DateTimeOffset OccurredAt { get; init; }
    public required string Principal { get; init; }
    public string? OnBehalfOf { get; init; }
    public required string Rpc { get; init; }
    public string? Target { get; init; }
    public string? Shop { get; init; }
    public string? Peer { get; init; }

    /// <summary>What the call did, for a succeeded record (e.g. a bulk update's action and counts); set by the call.</summary>
    public string? Detail { get; set; }

    /// <summary>
    /// No store write claims the record: it is appended when the call ends, with <see cref="Detail"/>. For calls
    /// that change many entries in many transactions (bulk updates), whose outcome is known only at the end.
    /// </summary>
    public void DeferToEnd() => _deferred = true;

    /// <summary>
    /// The call has ended: work it started that outlives it (a timer, a task that captured its async context) no
    /// longer sees the record as ambient.
    /// </summary>
    public bool IsClosed => _closed;

    /// <summary>Ends the record's ambient life (see <see cref="IsClosed"/>).</summary>
    public void Close() => _closed = true;

    /// <summary>Whether a committed transaction holds this record.</summary>
    public bool IsWritten => _written;

    /// <summary>True when the write <paramref name="owner"/> is to insert the record (it is the first, or tries again).</summary>
    public bool TryClaim(object owner)
    {
        if (_deferred)
        {
            return false;
        }

        var previous = Interlocked.CompareExchange(ref _owner, owner, null);
        return !_written && (previous is null || ReferenceEquals(previous, owner));
    }

    /// <summary>The owner's transaction committed.</summary>
    public void Confirm(object owner)
    {
        if (ReferenceEquals(Volatile.Read(ref _owner), owner))
        {
            _written = true;
        }
    }

    /// <summary>The owner's transaction rolled back: a later write (or the append at the end) records it.</summary>
    public void Release(object owner) => Interlocked.CompareExchange(ref _owner, null, owner);

    /// <summary>The stored form of a call that succeeded (as its change's transaction or the end of the call writes it).</summary>
    public AuditEvent ToSucceededEvent() => ToEvent(AuditOutcome.Succeeded, "OK", Detail);

    /// <summary>The stored form with the given outcome.</summary>
    public AuditEvent ToEvent(AuditOutcome outcome, string status, string? detail) => new()
    {
        OccurredAt = OccurredAt,
        Principal = Principal,
        OnBehalfOf = OnBehalfOf,
        Rpc = Rpc,
        Target = Target,
        Shop = Shop,
        Outcome = outcome,
        Status = status,
        Detail = detail,
        Peer = Peer,
    };
}
