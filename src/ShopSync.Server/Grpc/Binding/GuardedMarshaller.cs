using Google.Protobuf;
using Grpc.Core;

namespace ShopSync.Server.Grpc.Binding;

/// <summary>A request marshaller whose failure to decode is the caller's INVALID_ARGUMENT, not the server's UNKNOWN.</summary>
internal static class GuardedMarshaller
{
    public static Marshaller<T> For<T>(Marshaller<T> inner)
        where T : class =>
        Marshallers.Create(
            inner.ContextualSerializer,
            context =>
            {
                try
                {
                    return inner.ContextualDeserializer(context);
                }
                catch (InvalidProtocolBufferException e)
                {
                    throw new RpcException(new global::Grpc.Core.Status(StatusCode.InvalidArgument, $"The request is not a valid {typeof(T).Name} message: {e.Message}"));
                }
            });
}
