using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;

namespace ShopSync.Server.Grpc.Binding;

/// <summary>
/// Receives the generated service's methods and adds them to grpc-dotnet's model with a guarded request marshaller.
/// The invoker and the endpoint metadata are made as grpc-dotnet makes them: an open delegate to the service's override
/// (a service instance per call, from DI), the service's then the method's attributes (e.g. [Authorize]), POST only.
/// </summary>
internal sealed class GuardedServiceBinder<TService>(ServiceMethodProviderContext<TService> context, Type declaringType) : ServiceBinderBase
    where TService : class
{
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
    {
        var (invoker, metadata) = Model<UnaryServerMethod<TService, TRequest, TResponse>>(method.Name, [typeof(TRequest), typeof(ServerCallContext)]);
        context.AddUnaryMethod(Guarded(method), metadata, invoker);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var (invoker, metadata) = Model<ServerStreamingServerMethod<TService, TRequest, TResponse>>(
            method.Name, [typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)]);
        context.AddServerStreamingMethod(Guarded(method), metadata, invoker);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var (invoker, metadata) = Model<ClientStreamingServerMethod<TService, TRequest, TResponse>>(
            method.Name, [typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext)]);
        context.AddClientStreamingMethod(Guarded(method), metadata, invoker);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var (invoker, metadata) = Model<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(
            method.Name, [typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)]);
        context.AddDuplexStreamingMethod(Guarded(method), metadata, invoker);
    }

    private static Method<TRequest, TResponse> Guarded<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class =>
        new(method.Type, method.ServiceName, method.Name, GuardedMarshaller.For(method.RequestMarshaller), method.ResponseMarshaller);

    private (TDelegate Invoker, List<object> Metadata) Model<TDelegate>(string methodName, Type[] parameters)
        where TDelegate : Delegate
    {
        var handler = FindOverride(methodName, parameters)
            ?? throw new InvalidOperationException($"Could not find '{methodName}' on {typeof(TService)}.");
        var metadata = new List<object>();
        metadata.AddRange(typeof(TService).GetCustomAttributes(inherit: true));
        metadata.AddRange(handler.GetCustomAttributes(inherit: true));
        metadata.Add(new HttpMethodMetadata(["POST"], acceptCorsPreflight: true));
        return ((TDelegate)Delegate.CreateDelegate(typeof(TDelegate), handler), metadata);
    }

    /// <summary>The public instance method that overrides the generated base's virtual one (a hiding method is skipped).</summary>
    private MethodInfo? FindOverride(string methodName, Type[] parameters)
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            var candidate = type.GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance, binder: null, parameters, modifiers: null);
            if (candidate is null)
            {
                return null;
            }

            if (candidate.IsVirtual && candidate.GetBaseDefinition().DeclaringType == declaringType)
            {
                return candidate;
            }
        }

        return null;
    }
}
