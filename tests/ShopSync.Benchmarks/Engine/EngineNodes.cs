namespace ShopSync.Benchmarks.Engine;

/// <summary>The server processes of one run (one on SQLite; N nodes on PostgreSQL): CPU is summed over them.</summary>
internal sealed class EngineNodes(IReadOnlyList<EngineServer> servers) : IAsyncDisposable
{
    public IReadOnlyList<EngineServer> Servers { get; } = servers;

    public IReadOnlyList<Uri> Addresses => [.. Servers.Select(s => s.Address)];

    public double CpuSeconds() => Servers.Sum(s => s.CpuSeconds());

    public double WriterCpuSeconds() => Servers.Sum(s => s.WriterCpuSeconds());

    /// <summary>The first node's RSS (on PostgreSQL the queue is not held in memory; every node is alike).</summary>
    public double ResidentMegabytes() => Servers[0].ResidentMegabytes();

    public async ValueTask DisposeAsync()
    {
        foreach (var server in Servers.Reverse())
        {
            await server.DisposeAsync();
        }
    }
}
