namespace ShopSync.Queue.Audit;

/// <summary>A page of audit records, newest first. Null filters match everything.</summary>
public sealed record AuditQuery
{
    public string? Principal { get; init; }
    public string? Shop { get; init; }

    /// <summary>A full method (with '/') or a method name.</summary>
    public string? Rpc { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }

    /// <summary>Keyset position: only records with a smaller id (the previous page's last id).</summary>
    public long? BeforeId { get; init; }
    public int Limit { get; init; } = 100;
}
