using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Reflection.V1Alpha;
using ShopSync.Grpc.Server;
using V1 = Grpc.Reflection.V1;

namespace ShopSync.Grpc.Reflection;

/// <summary>
/// grpc.reflection.v1alpha.ServerReflection (the legacy name some clients still use): one response per request until
/// the client half-closes. Its messages are v1's field for field, so requests and responses pass through the wire
/// format to the shared v1 answers.
/// </summary>
internal sealed class ReflectionServiceV1Alpha(ReflectionAnswers answers) : IGrpcService
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
            var request = V1.ServerReflectionRequest.Parser.ParseFrom(requests.Current.ToByteString());
            var answer = answers.Answer(request, sentFiles);
            await responses.WriteAsync(ServerReflectionResponse.Parser.ParseFrom(answer.ToByteString()), context.CancellationToken).ConfigureAwait(false);
        }
    }
}
