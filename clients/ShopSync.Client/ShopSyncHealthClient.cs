using Grpc.Health.V1;
using ShopSync.Client.Internal;

namespace ShopSync.Client;

/// <summary>grpc.health.v1.Health of the ShopSync server.</summary>
public sealed class ShopSyncHealthClient
{
    private readonly ShopSyncCalls _calls;
    private readonly Health.HealthClient _client;

    internal ShopSyncHealthClient(ShopSyncCalls calls, Health.HealthClient client)
    {
        _calls = calls;
        _client = client;
    }

    /// <summary>The serving status of the server (service "") or one service; retried on UNAVAILABLE.</summary>
    public Task<HealthCheckResponse> CheckAsync(HealthCheckRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.CheckAsync(request, o), options, cancellationToken);
}
