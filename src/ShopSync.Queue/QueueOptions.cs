namespace ShopSync.Queue;

/// <summary>Job queue engine settings (configuration section <c>Queue</c>).</summary>
public sealed class QueueOptions
{
    /// <summary>The configuration section the host binds.</summary>
    public const string SectionName = "Queue";

    /// <summary>This node's id, recorded as lease owner; empty: machine name + process id + a random suffix.</summary>
    public string NodeId { get; set; } = string.Empty;

    /// <summary>How many entries run at once on this node (across categories).</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>The category of entries queued without one.</summary>
    public string DefaultCategoryCode { get; set; } = "SHPFY";

    /// <summary>How long a claim holds without renewal; a dead node's entries are recovered after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often leases are renewed and lapsed leases are looked for.</summary>
    public TimeSpan LeaseCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the database is scanned for work queued by other nodes (only matters with several nodes).</summary>
    public TimeSpan SafetyPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>On shutdown: how long running handlers may finish before they are cancelled.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a cancel waits for a running handler by default.</summary>
    public TimeSpan DefaultCancelWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Register the diagnostics tasks 90000 "No-op" and 90001 "Diagnostics".</summary>
    public bool EnableDiagnosticsTasks { get; set; }

    /// <summary>Events buffered per watcher before progress is coalesced.</summary>
    public int WatcherBufferSize { get; set; } = 256;
}
