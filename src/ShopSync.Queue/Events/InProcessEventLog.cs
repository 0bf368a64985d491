using System.Globalization;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Events;

/// <summary>
/// The queue-wide log of a single-node store (SQLite): one writer and one process, so the order in which this
/// process publishes what it committed is the log order, and a counter is the position. The newest
/// <see cref="Capacity"/> events are kept in memory; a position names the process (<c>epoch:n</c>), so a watch
/// resumes across a dropped connection, not across a restart.
/// </summary>
internal sealed class InProcessEventLog : IQueueEventLog
{
    /// <summary>How many of the newest events a resume can reach.</summary>
    public const int Capacity = 8192;

    private readonly Lock _gate = new();
    private readonly QueueEvent?[] _ring = new QueueEvent?[Capacity];
    private readonly string _epoch = Guid.NewGuid().ToString("N")[..12];
    private long _last;

    public void Append(IReadOnlyList<QueueEvent> events)
    {
        lock (_gate)
        {
            foreach (var item in events)
            {
                _last++;
                _ring[_last % Capacity] = item;
            }
        }
    }

    public Task<string> HeadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Format(_last));
        }
    }

    public Task<QueueLogPage> ReadAsync(string afterPosition, int limit, CancellationToken cancellationToken)
    {
        var after = Parse(afterPosition);
        var events = new List<LoggedQueueEvent>();
        lock (_gate)
        {
            if (after > _last)
            {
                throw new JobValidationException("after_position", "the position is ahead of this server's log.");
            }

            if (after < _last - Capacity)
            {
                throw new JobValidationException(
                    "after_position",
                    $"the position is older than the {Capacity} newest events this server keeps in memory; watch again without after_position.");
            }

            for (var n = after + 1; n <= _last && events.Count < limit; n++)
            {
                events.Add(new LoggedQueueEvent(_ring[n % Capacity]!, Format(n)));
            }

            return Task.FromResult(new QueueLogPage(events, Format(after + events.Count)));
        }
    }

    private string Format(long n) => string.Create(CultureInfo.InvariantCulture, $"{_epoch}:{n}");

    private long Parse(string position)
    {
        var colon = position.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !long.TryParse(position.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            throw new JobValidationException("after_position", "not a position this server gave.");
        }

        if (!position.AsSpan(0, colon).SequenceEqual(_epoch))
        {
            throw new JobValidationException(
                "after_position",
                "the position is from an earlier run of this server, which keeps its event log in memory (SQLite); watch again without after_position.");
        }

        return n;
    }
}
