using SQLitePCL;

namespace ShopSync.Storage.Sqlite;

/// <summary>
/// Process-wide SQLite settings. SQLite takes them only before its first connection opens (sqlite3_config before
/// sqlite3_initialize), so the server applies them first thing in Main; a process that opened a connection before
/// (a test host) keeps SQLite's defaults, which changes speed, not behaviour.
/// </summary>
/// <remarks>
/// Memory statistics off (SQLITE_CONFIG_MEMSTATUS = 0): with them on, every sqlite3_malloc and sqlite3_free takes a
/// process-wide mutex to count bytes nobody reads (sqlite3_memory_used is never called here), and the hand-over's
/// statements allocate on every execution. The A/B in docs/job-queue.md (wave 5) measured the writer thread's CPU
/// per entry 10–25 % lower without them.
/// </remarks>
public static class SqliteProcessSettings
{
    /// <summary>True once <see cref="Apply"/> turned SQLite's memory statistics off in this process.</summary>
    public static bool MemoryStatisticsOff { get; private set; }

    /// <summary>Applies the settings; true when SQLite took them (false when a connection had opened before).</summary>
    public static bool Apply()
    {
        Batteries_V2.Init();
        if (raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0) == raw.SQLITE_OK)
        {
            MemoryStatisticsOff = true;
        }

        return MemoryStatisticsOff;
    }
}
