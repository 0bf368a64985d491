using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Cluster;

/// <summary>One server process of the cluster.</summary>
internal sealed class ClusterNode(string id, ServerProcess server, ServerApi api)
{
    private readonly int _pid = server.ProcessId;

    public string Id { get; } = id;

    public ServerProcess Server { get; } = server;

    public ServerApi Api { get; } = api;

    public bool Paused { get; set; }

    public bool Killed { get; set; }

    public bool Usable => !Paused && !Killed;

    /// <summary>How many lines of the node's output contain <paramref name="text"/>.</summary>
    public int Count(string text) => Server.Output.Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));

    public override string ToString() => Id + " pid " + _pid.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
