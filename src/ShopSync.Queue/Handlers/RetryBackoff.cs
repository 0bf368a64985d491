namespace ShopSync.Queue.Handlers;

/// <summary>
/// The extra wait added to an entry's rerun delay before a retry: <c>Base * Factor^(attempt-1)</c>, capped at
/// <see cref="Max"/>, with up to <see cref="JitterRatio"/> of it added at random so retries of many entries spread out.
/// </summary>
/// <param name="Base">The extra wait after the first failed attempt.</param>
/// <param name="Factor">Growth per further attempt.</param>
/// <param name="Max">The largest extra wait.</param>
/// <param name="JitterRatio">0..1: the random share added on top.</param>
public sealed record RetryBackoff(TimeSpan Base, double Factor, TimeSpan Max, double JitterRatio)
{
    /// <summary>5 s doubling up to 10 min, with 20 % jitter.</summary>
    public static RetryBackoff Default { get; } = new(TimeSpan.FromSeconds(5), 2.0, TimeSpan.FromMinutes(10), 0.2);

    /// <summary>No extra wait: retries happen after exactly the rerun delay.</summary>
    public static RetryBackoff None { get; } = new(TimeSpan.Zero, 1.0, TimeSpan.Zero, 0);

    /// <summary>The extra wait after the given failed attempt (1-based); <paramref name="random"/> is 0..1.</summary>
    public TimeSpan ExtraDelay(int failedAttempt, double random)
    {
        if (Base <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var exponent = Math.Max(0, failedAttempt - 1);
        var ticks = Math.Min(Base.Ticks * Math.Pow(Factor, exponent), Max.Ticks);
        ticks += ticks * Math.Clamp(JitterRatio, 0, 1) * Math.Clamp(random, 0, 1);
        return TimeSpan.FromTicks((long)Math.Min(ticks, TimeSpan.MaxValue.Ticks / 2.0));
    }
}
