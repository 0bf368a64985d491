using System.Net;
using ShopSync.Grpc.Protocol;

namespace ShopSync.Grpc.Client.Internal;

/// <summary>Checks response headers in grpc-dotnet's order; returns a status when the call ends here.</summary>
internal static class ClientResponseValidator
{
    public static Status? Validate(HttpResponseMessage response)
    {
        if (ClientStatusMapper.TryReadStatus(response.Headers) is { } trailersOnly)
        {
            return trailersOnly;
        }
        if (response.Version < HttpVersion.Version20)
        {
            return new Status(StatusCode.Internal, $"Bad gRPC response. Response protocol downgraded to HTTP/{response.Version.ToString(2)}.");
        }
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new Status(ClientStatusMapper.FromHttpStatus(response.StatusCode), $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}");
        }
        var contentType = response.Content.Headers.ContentType?.ToString();
        if (!GrpcProtocol.IsGrpcContentType(contentType))
        {
            return new Status(StatusCode.Unknown, $"Bad gRPC response. Invalid content-type value: {contentType ?? "(none)"}");
        }
        return null;
    }
}
