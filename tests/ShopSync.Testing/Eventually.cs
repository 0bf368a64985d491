using System.Diagnostics;

namespace ShopSync.Testing;

/// <summary>
/// Polls a condition until it holds or a deadline passes. Tests wait for facts this way (or on a
/// signal), never with fixed sleeps, so they are neither slow on a fast machine nor flaky on a busy one.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<T> ReturnsAsync<T>(
        Func<Task<T>> probe, Func<T, bool> until, string what, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        var pause = TimeSpan.FromMilliseconds(5);
        T last;
        while (true)
        {
            last = await probe();
            if (until(last))
            {
                return last;
            }
            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting for {what}; last value: {last}");
            }
            await Task.Delay(pause);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 200));
        }
    }

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> holds; returns the value that satisfied it.</summary>
    public static Task<T> ReachAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null) =>
        ReturnsAsync(probe, done, "the condition", timeout);

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        ReturnsAsync(() => Task.FromResult(condition()), ok => ok, what, timeout);

    public static Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        ReturnsAsync(condition, ok => ok, what, timeout);
}
