using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ShopSync.Grpc.Client.Internal;

/// <summary>An RPC as the client calls it: its URI and response parser, built once per channel and method.</summary>
internal sealed class ClientMethod<TResponse>
    where TResponse : class, IMessage<TResponse>
{
    public ClientMethod(Uri address, MethodDescriptor descriptor, Type requestType)
    {
        if (descriptor.InputType.ClrType != requestType)
        {
            throw new ArgumentException($"RPC {descriptor.FullName} takes {descriptor.InputType.ClrType.Name}, not {requestType.Name}.", nameof(requestType));
        }
        if (descriptor.OutputType.ClrType != typeof(TResponse))
        {
            throw new ArgumentException($"RPC {descriptor.FullName} returns {descriptor.OutputType.ClrType.Name}, not {typeof(TResponse).Name}.", nameof(descriptor));
        }
        Descriptor = descriptor;
        Path = $"/{descriptor.Service.FullName}/{descriptor.Name}";
        Uri = new Uri(address, Path);
        Parser = (MessageParser<TResponse>)descriptor.OutputType.Parser;
    }

    public MethodDescriptor Descriptor { get; }

    public string Path { get; }

    public Uri Uri { get; }

    public MessageParser<TResponse> Parser { get; }
}
