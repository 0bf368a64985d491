namespace ShopSync.Queue.Audit;

/// <summary>One stored audit record.</summary>
public sealed record AuditEvent
{
    /// <summary>Assigned by the store; increases with every record.</summary>
    public long Id { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string Principal { get; init; }
    public string? OnBehalfOf { get; init; }
    public required string Rpc { get; init; }
    public string? Target { get; init; }
    public string? Shop { get; init; }
    public required AuditOutcome Outcome { get; init; }

    /// <summary>The gRPC status code name ("OK", "PERMISSION_DENIED", ...).</summary>
    public required string Status { get; init; }
    public string? Detail { get; init; }
    public string? Peer { get; init; }
}
