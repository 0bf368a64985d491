using ShopSync.Queue.Health;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Conformance.Health;

/// <summary>A driver's job store with its task-health reader, on a fresh, initialized, empty database, as the server registers them.</summary>
public interface ITaskHealthStoreFactory
{
    Task<(IJobStore Store, ITaskHealthReader Reader)> CreateAsync(CancellationToken cancellationToken);
}
