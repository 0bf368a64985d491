namespace ShopSync.Queue.Storage;

/// <summary>
/// Runs one EF Core migration at a time in this process. EF Core shares the internal services (and with them the
/// migrations snapshot's model) of every context built with equal options, and its pending-model-changes check
/// finalizes that shared model without a lock: two hosts in one process migrating at once (test hosts, or two
/// stores started side by side) once failed with "the model must be finalized". Start-up only, so one lock costs
/// nothing. Nodes in other processes are kept apart by each provider's own guard (a lock row, an advisory lock).
/// </summary>
public static class ProcessMigrationLock
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Runs <paramref name="migrate"/> once no other migration of this process is running.</summary>
    public static async Task RunAsync(Func<Task> migrate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migrate);
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await migrate().ConfigureAwait(false);
        }
        finally
        {
            Gate.Release();
        }
    }
}
