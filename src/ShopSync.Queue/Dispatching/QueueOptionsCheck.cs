namespace ShopSync.Queue.Dispatching;

/// <summary>Refuses settings with which the dispatcher would silently never run anything.</summary>
internal static class QueueOptionsCheck
{
    public static void Validate(QueueOptions options)
    {
        if (options.MaxConcurrency < 1)
        {
            throw new InvalidOperationException($"Queue:MaxConcurrency must be at least 1 (it is {options.MaxConcurrency}).");
        }

        if (options.LeaseCheckInterval <= TimeSpan.Zero || options.LeaseDuration <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"Queue:LeaseDuration ({options.LeaseDuration}) and Queue:LeaseCheckInterval ({options.LeaseCheckInterval}) must be positive.");
        }
    }
}
