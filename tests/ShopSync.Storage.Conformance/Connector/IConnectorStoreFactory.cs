namespace ShopSync.Storage.Conformance.Connector;

/// <summary>What a provider's fixture gives the connector suite: nodes on one fresh, migrated, empty connector database.</summary>
public interface IConnectorStoreFactory
{
    /// <summary>
    /// <paramref name="count"/> nodes (service providers, each with its own connections and registrations) on one new
    /// database, sharing one key ring; <paramref name="configure"/> adds to every node's services.
    /// </summary>
    Task<ConnectorNodes> CreateAsync(int count, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure, CancellationToken cancellationToken);
}
