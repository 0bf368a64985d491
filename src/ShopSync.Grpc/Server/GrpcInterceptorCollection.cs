using System.Collections;
using Microsoft.Extensions.DependencyInjection;

namespace ShopSync.Grpc.Server;

/// <summary>The interceptors of every call, outermost first.</summary>
public sealed class GrpcInterceptorCollection : IReadOnlyList<GrpcInterceptorRegistration>
{
    private readonly List<GrpcInterceptorRegistration> _registrations = [];

    /// <inheritdoc />
    public int Count => _registrations.Count;

    /// <inheritdoc />
    public GrpcInterceptorRegistration this[int index] => _registrations[index];

    /// <summary>Adds an interceptor instance shared by all calls.</summary>
    public void Add(IServerInterceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        _registrations.Add(new GrpcInterceptorRegistration(typeof(IServerInterceptor), _ => interceptor));
    }

    /// <summary>
    /// Adds an interceptor resolved per call from the request's services (so its registered lifetime applies);
    /// when not registered, a new instance is created per call with constructor injection.
    /// </summary>
    public void Add<TInterceptor>()
        where TInterceptor : class, IServerInterceptor
    {
        var factory = ActivatorUtilities.CreateFactory<TInterceptor>([]);
        _registrations.Add(new GrpcInterceptorRegistration(
            typeof(TInterceptor),
            services => services.GetService<TInterceptor>() ?? factory(services, null)));
    }

    /// <inheritdoc />
    public IEnumerator<GrpcInterceptorRegistration> GetEnumerator() => _registrations.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>One interceptor registration.</summary>
/// <param name="InterceptorType">The interceptor type (for diagnostics).</param>
/// <param name="Resolve">Creates or fetches the interceptor for a call from the request's services.</param>
public sealed record GrpcInterceptorRegistration(Type InterceptorType, Func<IServiceProvider, IServerInterceptor> Resolve);
