using System.Reflection;
using Google.Protobuf.Reflection;

namespace ShopSync.Grpc.Server.Internal;

/// <summary>The CLR signature an RPC of a given kind (unary, server/client streaming, duplex) must have.</summary>
internal sealed class GrpcMethodShape
{
    private readonly Type _request;
    private readonly Type _response;
    private readonly Type[] _parameters;
    private readonly Type _returnType;

    private GrpcMethodShape(string kind, Type request, Type response, Type[] parameters, Type returnType, Type handlerDefinition, Type delegateDefinition)
    {
        Kind = kind;
        _request = request;
        _response = response;
        _parameters = parameters;
        _returnType = returnType;
        HandlerDefinition = handlerDefinition;
        DelegateDefinition = delegateDefinition;
    }

    public string Kind { get; }

    private Type HandlerDefinition { get; }

    private Type DelegateDefinition { get; }

    public static GrpcMethodShape For(MethodDescriptor rpc)
    {
        var request = rpc.InputType.ClrType;
        var response = rpc.OutputType.ClrType;
        var context = typeof(ServerCallContext);
        var reader = typeof(IAsyncStreamReader<>).MakeGenericType(request);
        var writer = typeof(IServerStreamWriter<>).MakeGenericType(response);
        var task = typeof(Task);
        var taskOfResponse = typeof(Task<>).MakeGenericType(response);
        return (rpc.IsClientStreaming, rpc.IsServerStreaming) switch
        {
            (false, false) => new("unary", request, response, [request, context], taskOfResponse, typeof(UnaryCallHandler<,,>), typeof(Func<,,,>)),
            (false, true) => new("server-streaming", request, response, [request, writer, context], task, typeof(ServerStreamingCallHandler<,,>), typeof(Func<,,,,>)),
            (true, false) => new("client-streaming", request, response, [reader, context], taskOfResponse, typeof(ClientStreamingCallHandler<,,>), typeof(Func<,,,>)),
            (true, true) => new("bidirectional streaming", request, response, [reader, writer, context], task, typeof(DuplexStreamingCallHandler<,,>), typeof(Func<,,,,>)),
        };
    }

    public bool Matches(MethodInfo method)
    {
        if (method.ReturnType != _returnType || method.IsGenericMethodDefinition)
        {
            return false;
        }
        var parameters = method.GetParameters();
        if (parameters.Length != _parameters.Length)
        {
            return false;
        }
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].ParameterType != _parameters[i])
            {
                return false;
            }
        }
        return true;
    }

    public Type HandlerType(Type service) => HandlerDefinition.MakeGenericType(service, _request, _response);

    public Type DelegateType(Type service) => DelegateDefinition.MakeGenericType([service, .. _parameters, _returnType]);

    public string ExpectedSignature(string name) =>
        $"{TypeName(_returnType)} {name}({string.Join(", ", _parameters.Select(TypeName))})";

    public static string TypeName(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
        : type.Name;
}
