namespace ShopSync.Server.Hosting;

/// <summary>
/// A clock that runs <see cref="Speed"/> times faster than real time, starting at the real time of its creation:
/// wall-clock time, timestamps and timers are all scaled. A test and demo facility (<c>Clock:Speed=60</c> turns a
/// one-minute schedule into one run per second); off by default, never for production. With <c>Clock:Epoch</c> (an
/// ISO 8601 instant in the past) the time is <c>epoch + (real now - epoch) * speed</c>, so processes restarted on the
/// same database keep one continuous accelerated timeline.
/// </summary>
internal sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly DateTimeOffset _epoch;
    private readonly long _startTimestamp;

    public AcceleratedTimeProvider(double speed, DateTimeOffset? epoch = null, TimeProvider? real = null)
    {
        if (!(speed > 0) || double.IsInfinity(speed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "Clock:Speed must be a positive number");
        }
        Speed = speed;
        _real = real ?? System;
        _epoch = epoch ?? _real.GetUtcNow();
        _startTimestamp = _real.GetTimestamp();
    }

    /// <summary>How many seconds pass per real second.</summary>
    public double Speed { get; }

    public override TimeZoneInfo LocalTimeZone => _real.LocalTimeZone;

    public override long TimestampFrequency => _real.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() =>
        _epoch + TimeSpan.FromTicks((long)((_real.GetUtcNow() - _epoch).Ticks * Speed));

    public override long GetTimestamp() => _startTimestamp + (long)((_real.GetTimestamp() - _startTimestamp) * Speed);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_real.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

    /// <summary>The configured clock: <c>Clock:Speed</c> other than 1 gives an accelerated one, else the system clock.</summary>
    public static TimeProvider FromConfiguration(IConfiguration configuration) =>
        configuration.GetValue<double?>("Clock:Speed") is { } speed && speed != 1
            ? new AcceleratedTimeProvider(speed, configuration.GetValue<DateTimeOffset?>("Clock:Epoch"))
            : System;

    private TimeSpan Scale(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : TimeSpan.FromTicks(Math.Max(1, (long)(span.Ticks / Speed)));

    private sealed class ScaledTimer(ITimer inner, AcceleratedTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Scale(dueTime), clock.Scale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
