using ShopSync.Queue.Scheduling;

namespace ShopSync.Storage.Conformance;

/// <summary>What a driver's fixture provides to the schedule store's conformance suite.</summary>
public interface IScheduleStoreFactory
{
    /// <summary>Two initialized schedule stores ("two nodes", each with its own connections) on one fresh, empty database.</summary>
    Task<(IScheduleStore NodeA, IScheduleStore NodeB)> CreateSchedulePairAsync(CancellationToken cancellationToken);
}
