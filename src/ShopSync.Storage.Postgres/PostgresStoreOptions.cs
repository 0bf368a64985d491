namespace ShopSync.Storage.Postgres;

/// <summary>Settings of the PostgreSQL job store (configuration section <c>Storage:Postgres</c>).</summary>
public sealed class PostgresStoreOptions
{
    /// <summary>An Npgsql connection string (<c>--postgres</c> or <c>ConnectionStrings:ShopSyncPostgres</c>).</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// True (the default): lease expiries are computed and compared on the database clock
    /// (<c>clock_timestamp()</c> + the engine's lease duration), so nodes with skewed clocks agree on which lease
    /// lapsed. False: the engine's clock, as on SQLite (tests with a fake clock).
    /// </summary>
    public bool UseDatabaseClock { get; set; } = true;

    /// <summary>How often a node records its heartbeat in <c>queue_nodes</c>.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// While the change feed's listener is down: how often this node rescans the store for other nodes' work, cancels
    /// and watched events, and tries to listen again.
    /// </summary>
    public TimeSpan FeedPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
