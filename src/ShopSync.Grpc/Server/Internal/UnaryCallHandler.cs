using Google.Protobuf;
using ShopSync.Grpc.Protocol;

namespace ShopSync.Grpc.Server.Internal;

/// <summary>One request message in, one response message out.</summary>
internal sealed class UnaryCallHandler<TService, TRequest, TResponse>(
    GrpcMethodInfo method,
    ServerCallHandlerServices services,
    Func<TService, TRequest, ServerCallContext, Task<TResponse>> invoker)
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
            var response = await invoker(service, request, context).ConfigureAwait(false)
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
