namespace ShopSync.Queue.Storage;

/// <summary>
/// A lease per housekeeping sweep, kept in the database every node shares, so that one node runs each sweep at a time.
/// A store driver implements it with one row per sweep (name, holder, expires at), taken by a conditional upsert: the
/// row is written only when it is free, expired, or already this holder's.
/// </summary>
public interface ISweepLeases
{
    /// <summary>
    /// Takes (or renews) the lease of <paramref name="sweep"/> for <paramref name="holder"/> until
    /// <paramref name="expiresAt"/>; false when another holder's lease is still valid at <paramref name="now"/>.
    /// </summary>
    Task<bool> TryAcquireAsync(string sweep, string holder, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Gives the lease up if <paramref name="holder"/> still holds it (a no-op otherwise).</summary>
    Task ReleaseAsync(string sweep, string holder, CancellationToken cancellationToken);
}
