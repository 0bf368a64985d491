using Microsoft.AspNetCore.Builder;

namespace ShopSync.Grpc.Server;

/// <summary>Applies conventions (authorization, metadata) to all endpoints of a mapped service.</summary>
internal sealed class CompositeEndpointConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
{
    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var builder in builders)
        {
            builder.Add(convention);
        }
    }

    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        foreach (var builder in builders)
        {
            builder.Finally(finallyConvention);
        }
    }
}
