using Google.Protobuf.Reflection;
using Grpc.Testing;

namespace ShopSync.Grpc.Tests.Interop;

/// <summary>The generated descriptors of grpc.testing's RPCs, for calls through our client.</summary>
internal static class TestServiceMethods
{
    private static readonly ServiceDescriptor Service = TestReflection.Descriptor.FindTypeByName<ServiceDescriptor>("TestService");
    private static readonly ServiceDescriptor Unimplemented = TestReflection.Descriptor.FindTypeByName<ServiceDescriptor>("UnimplementedService");

    public static MethodDescriptor EmptyCall => Service.FindMethodByName("EmptyCall");
    public static MethodDescriptor UnaryCall => Service.FindMethodByName("UnaryCall");
    public static MethodDescriptor StreamingOutputCall => Service.FindMethodByName("StreamingOutputCall");
    public static MethodDescriptor UnimplementedCall => Service.FindMethodByName("UnimplementedCall");
    public static MethodDescriptor UnimplementedServiceCall => Unimplemented.FindMethodByName("UnimplementedCall");
}
