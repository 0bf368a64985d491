namespace ShopSync.Storage.Sqlite;

/// <summary>
/// Counts log purges of this process: the task health fold, which assumes the log only grows, folds anew when the
/// count moved. (Another node's purge is not seen here; its deleted rows only linger in this node's fold.)
/// </summary>
internal sealed class JobLogPurges
{
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public void Advance() => Interlocked.Increment(ref _generation);
}
