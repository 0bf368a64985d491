using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Conformance;

/// <summary>What a driver's fixture provides to the conformance suite: a fresh, initialized, empty store per test.</summary>
public interface IStoreFactory
{
    Task<IJobStore> CreateAsync(CancellationToken cancellationToken);
}

/// <summary>A driver that can open two store instances ("two nodes") on one database, for the concurrency suite.</summary>
public interface ISharedStoreFactory : IStoreFactory
{
    /// <summary>Two initialized stores on one fresh, empty database; each with its own connections.</summary>
    Task<(IJobStore NodeA, IJobStore NodeB)> CreatePairAsync(CancellationToken cancellationToken);
}
