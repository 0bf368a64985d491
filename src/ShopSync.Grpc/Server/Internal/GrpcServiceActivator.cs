using Microsoft.Extensions.DependencyInjection;

namespace ShopSync.Grpc.Server.Internal;

/// <summary>
/// Gets a service instance for a call: from DI when <typeparamref name="TService"/> is registered (its lifetime
/// applies; scoped = per call), else a new instance per call by constructor injection, disposed after the call.
/// </summary>
internal sealed class GrpcServiceActivator<TService>
    where TService : class
{
    private readonly ObjectFactory<TService> _factory = ActivatorUtilities.CreateFactory<TService>([]);

    public TService Create(IServiceProvider services, out bool created)
    {
        var registered = services.GetService<TService>();
        created = registered is null;
        return registered ?? _factory(services, null);
    }

    public static ValueTask ReleaseAsync(TService service, bool created)
    {
        if (!created)
        {
            return ValueTask.CompletedTask;
        }
        if (service is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }
        (service as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }
}
