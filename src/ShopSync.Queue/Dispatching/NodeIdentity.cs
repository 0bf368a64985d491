using Microsoft.Extensions.Options;

namespace ShopSync.Queue.Dispatching;

/// <summary>This node's lease-owner id: unique per process so a restarted server never mistakes old leases for its own.</summary>
public sealed class NodeIdentity
{
    /// <summary>Takes <see cref="QueueOptions.NodeId"/>, or makes one up unique to this process.</summary>
    public NodeIdentity(IOptions<QueueOptions> options)
    {
        var configured = options.Value.NodeId;
        Id = string.IsNullOrWhiteSpace(configured)
            ? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}"
            : configured;
    }

    /// <summary>The node id.</summary>
    public string Id { get; }
}
