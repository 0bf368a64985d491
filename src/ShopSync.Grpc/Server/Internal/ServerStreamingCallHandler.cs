using Google.Protobuf;
using ShopSync.Grpc.Protocol;

namespace ShopSync.Grpc.Server.Internal;

/// <summary>One request message in, a stream of responses out.</summary>
internal sealed class ServerStreamingCallHandler<TService, TRequest, TResponse>(
    GrpcMethodInfo method,
    ServerCallHandlerServices services,
    Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> invoker)
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
        var request = await reader.ReadSingleAsync(context.CancellationToken).ConfigureAwait(false);
        var service = _activator.Create(http.RequestServices, out var created);
        try
        {
            await invoker(service, request, new ServerStreamWriter<TResponse>(context), context).ConfigureAwait(false);
        }
        finally
        {
            await GrpcServiceActivator<TService>.ReleaseAsync(service, created).ConfigureAwait(false);
        }
    }
}
