namespace ShopSync.Storage.Model;

/// <summary>The EF model of one audit record (table <c>audit_events</c>; written with raw SQL, read by the store).</summary>
internal sealed class AuditEventRow
{
    public long Id { get; set; }
    public long OccurredAt { get; set; }
    public string Principal { get; set; } = string.Empty;
    public string? OnBehalfOf { get; set; }
    public string Rpc { get; set; } = string.Empty;
    public string? Target { get; set; }
    public string? Shop { get; set; }
    public int Outcome { get; set; }
    public string Status { get; set; } = string.Empty;
    public string? Detail { get; set; }
    public string? Peer { get; set; }
}
