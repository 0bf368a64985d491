using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ShopSync.Server.Access;

/// <summary>
/// Counts failed authentications per peer address in fixed windows; past the limit, the peer's credentials are not
/// even checked until its window ends (RESOURCE_EXHAUSTED). Bounded: at most <see cref="MaxPeers"/> peers are
/// tracked, and a full table is cleared of ended windows first, then of everything.
/// </summary>
internal sealed class FailedAuthLimiter(IOptions<AccessOptions> options, TimeProvider time)
{
    public const int MaxPeers = 10_000;

    private readonly ConcurrentDictionary<string, Window> _peers = new(StringComparer.Ordinal);

    /// <summary>When the peer may try again, or null if it may try now.</summary>
    public TimeSpan? BlockedFor(string peer)
    {
        if (!_peers.TryGetValue(peer, out var window))
        {
            return null;
        }
        var left = window.Start + options.Value.FailureWindow - time.GetUtcNow();
        return left > TimeSpan.Zero && window.Failures >= options.Value.FailuresPerWindow ? left : null;
    }

    public void RecordFailure(string peer)
    {
        var now = time.GetUtcNow();
        var length = options.Value.FailureWindow;
        if (_peers.Count >= MaxPeers && !_peers.ContainsKey(peer))
        {
            foreach (var (key, old) in _peers)
            {
                if (old.Start + length <= now)
                {
                    _peers.TryRemove(key, out _);
                }
            }
            if (_peers.Count >= MaxPeers)
            {
                _peers.Clear();
            }
        }
        _peers.AddOrUpdate(peer, _ => new Window(now, 1), (_, w) => w.Start + length <= now ? new Window(now, 1) : w with { Failures = w.Failures + 1 });
    }

    private sealed record Window(DateTimeOffset Start, int Failures);
}
