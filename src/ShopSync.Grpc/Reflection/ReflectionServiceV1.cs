using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;
using ShopSync.Grpc.Server;

namespace ShopSync.Grpc.Reflection;

/// <summary>grpc.reflection.v1.ServerReflection: one response per request until the client half-closes.</summary>
internal sealed class ReflectionServiceV1(ReflectionAnswers answers) : IGrpcService
{
    public static ServiceDescriptor Descriptor => ReflectionReflection.Descriptor.Services[0];

    public async Task ServerReflectionInfo(
        IAsyncStreamReader<ServerReflectionRequest> requests,
        IServerStreamWriter<ServerReflectionResponse> responses,
        ServerCallContext context)
    {
        var sentFiles = new HashSet<string>(StringComparer.Ordinal);
        while (await requests.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var response = answers.Answer(requests.Current, sentFiles);
            await responses.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
