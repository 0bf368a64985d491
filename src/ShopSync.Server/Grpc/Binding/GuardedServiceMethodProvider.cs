using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace ShopSync.Server.Grpc.Binding;

/// <summary>
/// Binds every generated gRPC service (ShopSync's, health, reflection) as grpc-dotnet's own binder does (the static
/// <c>BindService</c> named by <see cref="BindServiceMethodAttribute"/>), but with request marshallers that turn a
/// message that does not decode into INVALID_ARGUMENT (<see cref="GuardedMarshaller"/>). grpc-dotnet deserializes
/// before any interceptor runs and answers UNKNOWN "Exception was thrown by handler." for a malformed payload, which
/// reads as a server bug; the caller sent bad bytes. It replaces grpc-dotnet's BinderServiceMethodProvider.
/// </summary>
internal sealed class GuardedServiceMethodProvider<TService> : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        if (FindBindMethod(typeof(TService)) is not { } bind)
        {
            return;
        }

        var binder = new GuardedServiceBinder<TService>(context, bind.GetParameters()[1].ParameterType);
        try
        {
            bind.Invoke(null, [binder, null]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException($"Error binding gRPC service '{typeof(TService).Name}'.", e.InnerException);
        }
    }

    /// <summary>The generated <c>BindService(ServiceBinderBase, TBase)</c>, found through the attribute on the generated base class.</summary>
    private static MethodInfo? FindBindMethod(Type serviceType)
    {
        for (var type = serviceType; type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>() is { } attribute)
            {
                return attribute.BindType.GetMethod(
                    attribute.BindMethodName, BindingFlags.Public | BindingFlags.Static, binder: null, [typeof(ServiceBinderBase), type], modifiers: null);
            }
        }

        return null;
    }
}
