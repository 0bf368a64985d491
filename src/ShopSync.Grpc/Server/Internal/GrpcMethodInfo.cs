using Google.Protobuf.Reflection;

namespace ShopSync.Grpc.Server.Internal;

/// <summary>A routed RPC: its descriptor and its HTTP/2 <c>:path</c>.</summary>
internal sealed record GrpcMethodInfo(MethodDescriptor Descriptor)
{
    public string Path { get; } = $"/{Descriptor.Service.FullName}/{Descriptor.Name}";
}
