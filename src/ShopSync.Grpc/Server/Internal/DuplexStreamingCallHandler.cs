using Google.Protobuf;
using ShopSync.Grpc.Protocol;

namespace ShopSync.Grpc.Server.Internal;

/// <summary>Streams both ways (server reflection needs it).</summary>
internal sealed class DuplexStreamingCallHandler<TService, TRequest, TResponse>(
    GrpcMethodInfo method,
    ServerCallHandlerServices services,
    Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> invoker)
    : ServerCallHandler(method, services)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly MessageParser<TRequest> _parser = (MessageParser<TRequest>)method.Descriptor.InputType.Parser;
    private readonly GrpcServiceActivator<TService> _activator = new();

    protected override async Task InvokeAsync(HttpServerCallContext context)
    {
        var http = context.HttpContext;
        var reader = context.CreateRequestReader(_parser);
        var service = _activator.Create(http.RequestServices, out var created);
        try
        {
            await invoker(service, new ServerStreamReader<TRequest>(reader, context), new ServerStreamWriter<TResponse>(context), context).ConfigureAwait(false);
        }
        finally
        {
            await GrpcServiceActivator<TService>.ReleaseAsync(service, created).ConfigureAwait(false);
        }
    }
}
