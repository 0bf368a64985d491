using Google.Protobuf.Reflection;

namespace ShopSync.Grpc.Server;

/// <summary>
/// A gRPC service implementation. Its methods are bound by name to the RPCs of <see cref="Descriptor"/>:
/// <list type="bullet">
/// <item>unary: <c>Task&lt;TRes&gt; Name(TReq request, ServerCallContext context)</c></item>
/// <item>server streaming: <c>Task Name(TReq request, IServerStreamWriter&lt;TRes&gt; responses, ServerCallContext context)</c></item>
/// <item>client streaming: <c>Task&lt;TRes&gt; Name(IAsyncStreamReader&lt;TReq&gt; requests, ServerCallContext context)</c></item>
/// <item>bidirectional: <c>Task Name(IAsyncStreamReader&lt;TReq&gt; requests, IServerStreamWriter&lt;TRes&gt; responses, ServerCallContext context)</c></item>
/// </list>
/// </summary>
public interface IGrpcService
{
    /// <summary>The service, e.g. <c>JobsReflection.Descriptor.Services[0]</c> or <c>Xxx.Descriptor.FindTypeByName&lt;ServiceDescriptor&gt;(...)</c>.</summary>
    static abstract ServiceDescriptor Descriptor { get; }
}
