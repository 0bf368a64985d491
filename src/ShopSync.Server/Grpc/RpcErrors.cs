using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace ShopSync.Server.Grpc;

/// <summary>
/// The RpcExceptions ShopSync answers with: a status code, a message a caller can act on and rich details
/// (google.rpc.Status in <c>grpc-status-details-bin</c>, through Grpc.StatusProto).
/// </summary>
internal static class RpcErrors
{
    /// <summary>A status with the given details packed as <c>Any</c>.</summary>
    public static RpcException WithDetails(StatusCode code, string message, params IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        foreach (var detail in details)
        {
            status.Details.Add(Any.Pack(detail));
        }
        return status.ToRpcException();
    }

    /// <summary>INVALID_ARGUMENT "field: description" with a <see cref="BadRequest"/> violation naming the field.</summary>
    public static RpcException InvalidArgument(string field, string description) =>
        Invalid(field, description, $"{field}: {description}");

    /// <summary>INVALID_ARGUMENT whose message is the domain's own sentence (it already names the field).</summary>
    public static RpcException Invalid(string field, string description, string? message = null)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return WithDetails(StatusCode.InvalidArgument, message ?? description, badRequest);
    }

    /// <summary>NOT_FOUND with a <see cref="ResourceInfo"/> naming the missing resource.</summary>
    public static RpcException NotFound(string resourceType, string resourceName, string? description = null)
    {
        var text = description ?? $"{resourceType} '{resourceName}' was not found.";
        return WithDetails(StatusCode.NotFound, text, new ResourceInfo { ResourceType = resourceType, ResourceName = resourceName, Description = text });
    }

    /// <summary>ALREADY_EXISTS with a <see cref="ResourceInfo"/> naming the resource that exists.</summary>
    public static RpcException AlreadyExists(string resourceType, string resourceName, string description) =>
        WithDetails(StatusCode.AlreadyExists, description, new ResourceInfo { ResourceType = resourceType, ResourceName = resourceName, Description = description });

    /// <summary>FAILED_PRECONDITION with a <see cref="PreconditionFailure"/> violation (type e.g. "STATE", subject e.g. "job/42").</summary>
    public static RpcException FailedPrecondition(string type, string subject, string description)
    {
        var failure = new PreconditionFailure();
        failure.Violations.Add(new PreconditionFailure.Types.Violation { Type = type, Subject = subject, Description = description });
        return WithDetails(StatusCode.FailedPrecondition, description, failure);
    }

    /// <summary>UNAVAILABLE without details (a stream ended by the server's shutdown).</summary>
    public static RpcException Unavailable(string message) => new(new global::Grpc.Core.Status(StatusCode.Unavailable, message));
}
