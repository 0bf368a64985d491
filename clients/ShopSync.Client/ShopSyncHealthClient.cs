using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using ShopSync.Client.Internal;

namespace ShopSync.Client;

/// <summary>grpc.health.v1.Health of the ShopSync server.</summary>
public sealed class ShopSyncHealthClient
{
    private readonly ShopSyncInvoker _invoker;

    internal ShopSyncHealthClient(ShopSyncInvoker invoker)
    {
        _invoker = invoker;
    }

    /// <summary>The serving status of the server (service "") or one service; retried on UNAVAILABLE.</summary>
    public Task<HealthCheckResponse> CheckAsync(HealthCheckRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<HealthCheckRequest, HealthCheckResponse>(Method("Check"), request, idempotent: true, options, cancellationToken);

    private static MethodDescriptor Method(string name) => ShopSyncMethods.Find(ShopSyncMethods.Health, name);
}
