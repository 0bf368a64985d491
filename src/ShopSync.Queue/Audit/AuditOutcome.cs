namespace ShopSync.Queue.Audit;

/// <summary>How an audited call ended.</summary>
public enum AuditOutcome
{
    /// <summary>It succeeded.</summary>
    Succeeded = 1,

    /// <summary>It ran and failed.</summary>
    Failed = 2,

    /// <summary>It was refused before it ran (unauthenticated or not permitted).</summary>
    Denied = 3,
}
