using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Tests.Conformance;

/// <summary>What a driver's fixture provides to the conformance suite: a fresh, initialized, empty store per test.</summary>
public interface IStoreFactory
{
    Task<IJobStore> CreateAsync(CancellationToken cancellationToken);
}
