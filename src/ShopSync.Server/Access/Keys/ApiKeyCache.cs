using System.Collections.Concurrent;

namespace ShopSync.Server.Access.Keys;

/// <summary>
/// The key-hash lookup, cached so a call's key check costs a hash and a dictionary read. An entry is reloaded after
/// <see cref="Freshness"/> (a key revoked by another server process on the same database is refused within that),
/// and dropped at once when this process revokes it. Expiry is checked on every call by the handler, not here.
/// Unknown keys are not cached: failures are rate-limited per peer instead.
/// </summary>
internal sealed class ApiKeyCache(IApiKeyStore store, TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // Keys revoked by this process: a lookup that raced the revocation cannot put the old record back in force.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);

    public async ValueTask<ApiKeyRecord?> FindAsync(string hash, CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        if (_entries.TryGetValue(hash, out var entry) && time.GetElapsedTime(entry.LoadedAt, now) < Freshness)
        {
            return _revoked.TryGetValue(entry.Key.Id, out var at) && entry.Key.RevokedAt is null ? entry.Key with { RevokedAt = at } : entry.Key;
        }
        var key = await store.FindByHashAsync(hash, cancellationToken);
        if (key is null)
        {
            _entries.TryRemove(hash, out _);
            return null;
        }
        if (key.RevokedAt is null && _revoked.TryGetValue(key.Id, out var revokedAt))
        {
            key = key with { RevokedAt = revokedAt };
        }
        _entries[hash] = new Entry(key, now);
        return key;
    }

    /// <summary>Forgets a key (after a revocation), so the next call reads the store.</summary>
    public void Invalidate(string keyId, DateTimeOffset revokedAt)
    {
        _revoked[keyId] = revokedAt;
        foreach (var (hash, entry) in _entries)
        {
            if (entry.Key.Id == keyId)
            {
                _entries.TryRemove(hash, out _);
            }
        }
    }

    private sealed record Entry(ApiKeyRecord Key, long LoadedAt);
}
