using System.Reflection;
using Google.Protobuf.Reflection;

namespace ShopSync.Grpc.Server.Internal;

/// <summary>
/// Binds the RPCs of a service descriptor to methods of the service class, by name, once at startup. Each method
/// becomes an open-instance delegate (no reflection per call). A signature that does not fit its RPC fails startup.
/// </summary>
internal static class GrpcServiceBinder
{
    /// <summary>The call handler of each RPC; null for an RPC the class has no method for.</summary>
    public static IReadOnlyList<(GrpcMethodInfo Method, ServerCallHandler? Handler)> Bind<TService>(
        ServiceDescriptor service, ServerCallHandlerServices services)
        where TService : class
    {
        var result = new List<(GrpcMethodInfo, ServerCallHandler?)>(service.Methods.Count);
        foreach (var rpc in service.Methods)
        {
            var info = new GrpcMethodInfo(rpc);
            var candidates = typeof(TService)
                .GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name == rpc.Name)
                .ToArray();
            if (candidates.Length == 0)
            {
                result.Add((info, null));
                continue;
            }
            var shape = GrpcMethodShape.For(rpc);
            var match = candidates.FirstOrDefault(shape.Matches)
                ?? throw new InvalidOperationException(
                    $"{typeof(TService).FullName}.{rpc.Name} does not match the {shape.Kind} RPC {info.Path}: expected " +
                    $"'{shape.ExpectedSignature(rpc.Name)}', found '{Describe(candidates[0])}'.");
            result.Add((info, CreateHandler<TService>(info, shape, match, services)));
        }
        return result;
    }

    private static ServerCallHandler CreateHandler<TService>(GrpcMethodInfo info, GrpcMethodShape shape, MethodInfo method, ServerCallHandlerServices services)
        where TService : class
    {
        var invoker = Delegate.CreateDelegate(shape.DelegateType(typeof(TService)), method);
        var handlerType = shape.HandlerType(typeof(TService));
        return (ServerCallHandler)Activator.CreateInstance(handlerType, info, services, invoker)!;
    }

    private static string Describe(MethodInfo method) =>
        $"{GrpcMethodShape.TypeName(method.ReturnType)} {method.Name}({string.Join(", ", method.GetParameters().Select(p => $"{GrpcMethodShape.TypeName(p.ParameterType)} {p.Name}"))})";
}
