using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Secrets;

namespace ShopSync.Storage.Conformance.Connector;

/// <summary>Several nodes' service providers on one connector database, migrated the way the server does at start.</summary>
public sealed class ConnectorNodes : IAsyncDisposable
{
    private readonly Func<ValueTask>? _cleanup;

    private ConnectorNodes(IReadOnlyList<ServiceProvider> nodes, Func<ValueTask>? cleanup)
    {
        Nodes = nodes;
        _cleanup = cleanup;
    }

    public IReadOnlyList<ServiceProvider> Nodes { get; }

    /// <summary>
    /// Builds the nodes with <paramref name="register"/> (the provider's registration of the connector persistence), then
    /// migrates through every node's <see cref="IConnectorDatabase"/>, one after the other (the later ones find nothing to do).
    /// </summary>
    public static async Task<ConnectorNodes> StartAsync(
        int count,
        Action<IServiceCollection, KeyRingOptions> register,
        Action<IServiceCollection>? configure,
        string keysDirectory,
        Func<ValueTask>? cleanup,
        CancellationToken cancellationToken)
    {
        var nodes = new List<ServiceProvider>();
        for (var i = 0; i < count; i++)
        {
            var services = new ServiceCollection().AddLogging();
            register(services, new KeyRingOptions { KeysDirectory = keysDirectory });
            configure?.Invoke(services);
            nodes.Add(services.BuildServiceProvider());
        }

        foreach (var node in nodes)
        {
            await node.GetRequiredService<IConnectorDatabase>().MigrateAsync(node.GetRequiredService<IDbContextFactory<ConnectorDbContext>>(), cancellationToken);
        }

        return new ConnectorNodes(nodes, cleanup);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }

        if (_cleanup is not null)
        {
            await _cleanup();
        }
    }
}
