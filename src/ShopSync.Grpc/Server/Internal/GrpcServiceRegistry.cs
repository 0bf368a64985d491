using Google.Protobuf.Reflection;

namespace ShopSync.Grpc.Server.Internal;

/// <summary>The services mapped on this server (reflection lists them; health knows their names).</summary>
internal sealed class GrpcServiceRegistry
{
    private readonly object _gate = new();
    private readonly List<ServiceDescriptor> _services = [];

    /// <summary>Whether the catch-all UNIMPLEMENTED route was mapped.</summary>
    public bool FallbackMapped { get; set; }

    public IReadOnlyList<ServiceDescriptor> Services
    {
        get
        {
            lock (_gate)
            {
                return _services.ToArray();
            }
        }
    }

    public void Add(ServiceDescriptor service)
    {
        lock (_gate)
        {
            if (_services.Exists(s => s.FullName == service.FullName))
            {
                throw new InvalidOperationException($"gRPC service {service.FullName} is mapped twice.");
            }
            _services.Add(service);
        }
    }
}
