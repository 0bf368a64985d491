using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using ShopSync.Contracts.V1;

namespace ShopSync.Client.Internal;

/// <summary>The method descriptors of the contract's services, looked up by name once.</summary>
internal static class ShopSyncMethods
{
    public static readonly ServiceDescriptor JobQueue = JobQueueReflection.Descriptor.FindTypeByName<ServiceDescriptor>("JobQueueService");
    public static readonly ServiceDescriptor Schedule = ScheduleReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ScheduleService");
    public static readonly ServiceDescriptor SyncStatus = SyncStatusReflection.Descriptor.FindTypeByName<ServiceDescriptor>("SyncStatusService");
    public static readonly ServiceDescriptor Shop = ShopReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ShopService");
    public static readonly ServiceDescriptor Health = HealthReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Health");

    public static MethodDescriptor Find(ServiceDescriptor service, string name) =>
        service.FindMethodByName(name) ?? throw new InvalidOperationException($"{service.FullName} has no method {name}.");
}
