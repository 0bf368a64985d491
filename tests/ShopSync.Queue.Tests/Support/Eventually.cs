namespace ShopSync.Queue.Tests.Support;

/// <summary>Polls a condition with a generous deadline (for state reached through background work).</summary>
internal static class Eventually
{
    public static async Task<T> ReachAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not reached; last value: {value}");
            }

            await Task.Yield();
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }
}
