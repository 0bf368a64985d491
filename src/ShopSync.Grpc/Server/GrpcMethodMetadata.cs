using Google.Protobuf.Reflection;

namespace ShopSync.Grpc.Server;

/// <summary>Endpoint metadata on every gRPC endpoint (e.g. for authorization policies or middleware).</summary>
/// <param name="ServiceType">The implementing class.</param>
/// <param name="Method">The RPC.</param>
public sealed record GrpcMethodMetadata(Type ServiceType, MethodDescriptor Method);
