using System.Threading.Channels;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ShopSync.Grpc.Health;

/// <summary>One Watch call's view of a service's status; only the latest unseen status is kept.</summary>
internal sealed class HealthSubscription(ChannelReader<ServingStatus> reader, Action unsubscribe) : IDisposable
{
    public ChannelReader<ServingStatus> Reader { get; } = reader;

    public void Dispose() => unsubscribe();
}
