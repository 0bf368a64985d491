namespace ShopSync.Queue.Audit;

/// <summary>The ambient <see cref="AuditRecord"/> of the call in progress (flows with the async context).</summary>
public static class AuditScope
{
    private static readonly AsyncLocal<AuditRecord?> Ambient = new();

    /// <summary>The record stores write with their change; null outside an audited call.</summary>
    public static AuditRecord? Current => Ambient.Value is { IsClosed: false } record ? record : null;

    /// <summary>Makes <paramref name="record"/> ambient until the returned scope is disposed.</summary>
    public static Scope Enter(AuditRecord record)
    {
        var previous = Ambient.Value;
        Ambient.Value = record;
        return new Scope(previous);
    }

    /// <summary>Restores the previous ambient record.</summary>
    public readonly struct Scope(AuditRecord? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
