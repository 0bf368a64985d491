using ShopSync.Queue.Retention;

namespace ShopSync.Connector.Retention;

/// <summary>Runs one delete batch after another until one comes back short or the time bound is spent.</summary>
internal static class BatchedDelete
{
    public static async Task<RetentionPartResult> RunAsync(
        string name, int batchSize, TimeSpan budget, TimeProvider time, Func<CancellationToken, Task<int>> batch, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        long removed = 0;
        while (true)
        {
            var deleted = await batch(cancellationToken).ConfigureAwait(false);
            removed += deleted;
            if (deleted < batchSize)
            {
                return new RetentionPartResult(name, removed, true);
            }

            if (time.GetElapsedTime(started) >= budget)
            {
                return new RetentionPartResult(name, removed, false);
            }
        }
    }
}
