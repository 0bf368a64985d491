namespace ShopSync.Queue.Storage;

/// <summary>The result of renewing leases.</summary>
/// <param name="Lost">Runs whose lease no longer holds (recovered elsewhere): their handlers must stop.</param>
/// <param name="CancelRequested">Runs whose cancellation was requested (possibly through another node).</param>
public sealed record LeaseRenewal(IReadOnlyList<Guid> Lost, IReadOnlyList<Guid> CancelRequested);
