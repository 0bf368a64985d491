using Google.Protobuf.Reflection;
using Grpc.Testing;
using ShopSync.Grpc.Server;

namespace ShopSync.Grpc.Tests.Server;

/// <summary>A service whose EmptyCall has the wrong signature (binding must refuse it).</summary>
internal sealed class MismatchedService : IGrpcService
{
    public static ServiceDescriptor Descriptor => TestReflection.Descriptor.FindTypeByName<ServiceDescriptor>("TestService");

    public Task<Empty> EmptyCall(Empty request) => Task.FromResult(request);
}
