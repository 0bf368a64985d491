using ShopSync.Client.Internal;

namespace ShopSync.Client;

/// <summary>
/// The typed client of one ShopSync server: one property per service. Thread-safe; create one per server
/// (or register it with <c>services.AddShopSyncClient</c>) and reuse it. Disposing it closes the connections.
/// </summary>
public sealed class ShopSyncClient : IDisposable
{
    private readonly ShopSyncInvoker _invoker;

    internal ShopSyncClient(ShopSyncInvoker invoker)
    {
        _invoker = invoker;
        Jobs = new JobQueueClient(invoker);
        Schedules = new ScheduleClient(invoker);
        Status = new SyncStatusClient(invoker);
        Shops = new ShopClient(invoker);
        Health = new ShopSyncHealthClient(invoker);
    }

    /// <summary>The server's address.</summary>
    public Uri Address => _invoker.Channel.Address;

    /// <summary>shopsync.v1.JobQueueService.</summary>
    public JobQueueClient Jobs { get; }

    /// <summary>shopsync.v1.ScheduleService.</summary>
    public ScheduleClient Schedules { get; }

    /// <summary>shopsync.v1.SyncStatusService.</summary>
    public SyncStatusClient Status { get; }

    /// <summary>shopsync.v1.ShopService.</summary>
    public ShopClient Shops { get; }

    /// <summary>grpc.health.v1.Health.</summary>
    public ShopSyncHealthClient Health { get; }

    /// <summary>Creates a client without dependency injection.</summary>
    public static ShopSyncClient Create(ShopSyncClientOptions options) => new(new ShopSyncInvoker(options));

    /// <summary>Creates a client for <paramref name="address"/> with default options.</summary>
    public static ShopSyncClient Create(Uri address) => Create(new ShopSyncClientOptions { Address = address });

    /// <inheritdoc />
    public void Dispose() => _invoker.Dispose();
}
