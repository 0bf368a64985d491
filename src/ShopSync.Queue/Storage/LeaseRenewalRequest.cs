namespace ShopSync.Queue.Storage;

/// <summary>Extend the leases of a node's runs.</summary>
/// <param name="Owner">The node.</param>
/// <param name="Runs">(entry, fencing token) of each run the node believes it holds.</param>
/// <param name="LeaseExpiresAt">The new expiry.</param>
public sealed record LeaseRenewalRequest(string Owner, IReadOnlyList<LeaseRef> Runs, DateTimeOffset LeaseExpiresAt);
