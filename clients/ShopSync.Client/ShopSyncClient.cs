using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using ShopSync.Client.Internal;
using ShopSync.Contracts.V1;

namespace ShopSync.Client;

/// <summary>
/// The typed client of one ShopSync server: one property per service, each wrapping the client generated from
/// protos/. Thread-safe; create one per server (or register it with <c>services.AddShopSyncClient</c>) and reuse
/// it. Disposing a client made by <see cref="Create(ShopSyncClientOptions)"/> closes its connections.
/// </summary>
public sealed class ShopSyncClient : IDisposable
{
    private readonly IDisposable? _channel;

    internal ShopSyncClient(Uri address, ShopSyncCalls calls, CallInvoker invoker, IDisposable? channel)
        : this(
            address,
            calls,
            new JobQueueService.JobQueueServiceClient(invoker),
            new ScheduleService.ScheduleServiceClient(invoker),
            new SyncStatusService.SyncStatusServiceClient(invoker),
            new ShopService.ShopServiceClient(invoker),
            new Grpc.Health.V1.Health.HealthClient(invoker),
            new AccessService.AccessServiceClient(invoker),
            new AuditService.AuditServiceClient(invoker),
            channel)
    {
    }

    internal ShopSyncClient(
        Uri address,
        ShopSyncCalls calls,
        JobQueueService.JobQueueServiceClient jobs,
        ScheduleService.ScheduleServiceClient schedules,
        SyncStatusService.SyncStatusServiceClient status,
        ShopService.ShopServiceClient shops,
        Grpc.Health.V1.Health.HealthClient health,
        AccessService.AccessServiceClient access,
        AuditService.AuditServiceClient audit,
        IDisposable? channel)
    {
        Address = address;
        _channel = channel;
        Jobs = new JobQueueClient(calls, jobs);
        Schedules = new ScheduleClient(calls, schedules);
        Status = new SyncStatusClient(calls, status);
        Shops = new ShopClient(calls, shops);
        Health = new ShopSyncHealthClient(calls, health);
        Access = new AccessClient(calls, access);
        Audit = new AuditClient(calls, audit);
    }

    /// <summary>The server's address.</summary>
    public Uri Address { get; }

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

    /// <summary>shopsync.v1.AccessService.</summary>
    public AccessClient Access { get; }
    /// <summary>shopsync.v1.AuditService.</summary>
    public AuditClient Audit { get; }

    /// <summary>Creates a client on its own <see cref="GrpcChannel"/>, without dependency injection.</summary>
    public static ShopSyncClient Create(ShopSyncClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = options.Address ?? throw new ArgumentException("ShopSyncClientOptions.Address is required (e.g. http://127.0.0.1:5000).", nameof(options));
        var channelOptions = new GrpcChannelOptions { HttpHandler = ShopSyncChannel.CreateHandler(options) };
        ShopSyncChannel.Configure(channelOptions, options);
        var channel = GrpcChannel.ForAddress(address, channelOptions);
        return new ShopSyncClient(address, new ShopSyncCalls(options, credentials: null), channel.CreateCallInvoker(), channel);
    }

    /// <summary>Creates a client for <paramref name="address"/> with default options.</summary>
    public static ShopSyncClient Create(Uri address) => Create(new ShopSyncClientOptions { Address = address });

    /// <inheritdoc />
    public void Dispose() => _channel?.Dispose();
}
