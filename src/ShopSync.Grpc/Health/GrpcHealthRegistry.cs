using System.Threading.Channels;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ShopSync.Grpc.Health;

/// <summary>
/// The serving status per service name that grpc.health.v1.Health reports. <c>""</c> is the whole server (SERVING
/// from the start). <c>MapGrpcService</c> marks each mapped service SERVING; the host may change any status, and on
/// shutdown every status becomes NOT_SERVING.
/// </summary>
public sealed class GrpcHealthRegistry
{
    /// <summary>The name that stands for the whole server.</summary>
    public const string Server = "";

    private readonly object _gate = new();
    private readonly Dictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal) { [Server] = ServingStatus.Serving };
    private readonly Dictionary<string, List<ChannelWriter<ServingStatus>>> _watchers = new(StringComparer.Ordinal);

    /// <summary>Sets a service's status and notifies its watchers.</summary>
    public void SetStatus(string service, ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (status is ServingStatus.ServiceUnknown)
        {
            throw new ArgumentException("SERVICE_UNKNOWN is reported for unregistered services; use Remove instead.", nameof(status));
        }
        lock (_gate)
        {
            _statuses[service] = status;
            Notify(service, status);
        }
    }

    /// <summary>Forgets a service (Check then answers NOT_FOUND, Watch SERVICE_UNKNOWN).</summary>
    public bool Remove(string service)
    {
        lock (_gate)
        {
            var removed = _statuses.Remove(service);
            if (removed)
            {
                Notify(service, ServingStatus.ServiceUnknown);
            }
            return removed;
        }
    }

    /// <summary>The status of a registered service.</summary>
    public bool TryGetStatus(string service, out ServingStatus status)
    {
        lock (_gate)
        {
            return _statuses.TryGetValue(service, out status);
        }
    }

    /// <summary>A snapshot of every registered status.</summary>
    public IReadOnlyDictionary<string, ServingStatus> GetAll()
    {
        lock (_gate)
        {
            return new Dictionary<string, ServingStatus>(_statuses, StringComparer.Ordinal);
        }
    }

    /// <summary>Marks every service NOT_SERVING (called when the host begins to stop).</summary>
    public void SetAllNotServing()
    {
        lock (_gate)
        {
            foreach (var service in _statuses.Keys.ToArray())
            {
                _statuses[service] = ServingStatus.NotServing;
                Notify(service, ServingStatus.NotServing);
            }
        }
    }

    /// <summary>Subscribes to a service's changes; the current status (or SERVICE_UNKNOWN) is the first item.</summary>
    internal HealthSubscription Watch(string service)
    {
        var channel = Channel.CreateBounded<ServingStatus>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            channel.Writer.TryWrite(_statuses.TryGetValue(service, out var status) ? status : ServingStatus.ServiceUnknown);
            if (!_watchers.TryGetValue(service, out var list))
            {
                list = [];
                _watchers[service] = list;
            }
            list.Add(channel.Writer);
        }
        return new HealthSubscription(channel.Reader, () => Unwatch(service, channel.Writer));
    }

    private void Unwatch(string service, ChannelWriter<ServingStatus> writer)
    {
        lock (_gate)
        {
            if (_watchers.TryGetValue(service, out var list) && list.Remove(writer) && list.Count == 0)
            {
                _watchers.Remove(service);
            }
        }
    }

    private void Notify(string service, ServingStatus status)
    {
        if (_watchers.TryGetValue(service, out var list))
        {
            foreach (var writer in list)
            {
                writer.TryWrite(status);
            }
        }
    }
}
