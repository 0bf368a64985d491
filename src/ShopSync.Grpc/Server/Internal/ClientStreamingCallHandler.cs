using Google.Protobuf;
using ShopSync.Grpc.Protocol;

namespace ShopSync.Grpc.Server.Internal;

/// <summary>A stream of requests in, one response out.</summary>
internal sealed class ClientStreamingCallHandler<TService, TRequest, TResponse>(
    GrpcMethodInfo method,
    ServerCallHandlerServices services,
    Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> invoker)
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
            var response = await invoker(service, new ServerStreamReader<TRequest>(reader, context), context).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The handler of {MethodInfo.Path} returned null.");
            if (context.Status.StatusCode == StatusCode.OK)
            {
                await context.WriteMessageAsync(response, null, flush: false, context.CancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await GrpcServiceActivator<TService>.ReleaseAsync(service, created).ConfigureAwait(false);
        }
    }
}
