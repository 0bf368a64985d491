using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace ShopSync.Grpc;

/// <summary>
/// A call ended with a non-OK status. Thrown by handlers to choose the status the client sees, and thrown by the
/// client when a call fails. Carries trailers and optional rich details (<c>grpc-status-details-bin</c>).
/// </summary>
public class RpcException : Exception
{
    /// <summary>Creates an exception for a status with empty trailers.</summary>
    public RpcException(Status status)
        : this(status, new Metadata(), details: null)
    {
    }

    /// <summary>Creates an exception for a status, trailers and optional rich details.</summary>
    /// <param name="status">The status; its code and detail become <c>grpc-status</c>/<c>grpc-message</c>.</param>
    /// <param name="trailers">Trailing metadata sent with (or received with) the status.</param>
    /// <param name="details">Rich error details; its code and message are aligned with <paramref name="status"/> when sent.</param>
    public RpcException(Status status, Metadata trailers, Google.Rpc.Status? details = null)
        : base(status.Detail.Length == 0 ? $"Status(StatusCode=\"{status.StatusCode}\")" : $"Status(StatusCode=\"{status.StatusCode}\", Detail=\"{status.Detail}\")")
    {
        Status = status;
        Trailers = trailers ?? throw new ArgumentNullException(nameof(trailers));
        StatusDetails = details;
    }

    /// <summary>The call status.</summary>
    public Status Status { get; }

    /// <summary>The status code.</summary>
    public StatusCode StatusCode => Status.StatusCode;

    /// <summary>Trailing metadata.</summary>
    public Metadata Trailers { get; }

    /// <summary>Rich error details (google.rpc.Status), or null.</summary>
    public Google.Rpc.Status? StatusDetails { get; }

    /// <summary>The first detail of type <typeparamref name="T"/> (e.g. <see cref="BadRequest"/>), or null.</summary>
    public T? GetDetail<T>()
        where T : class, IMessage<T>, new()
    {
        if (StatusDetails is null)
        {
            return null;
        }
        var descriptor = new T().Descriptor;
        foreach (var any in StatusDetails.Details)
        {
            if (any.Is(descriptor))
            {
                return any.Unpack<T>();
            }
        }
        return null;
    }

    /// <summary>Creates an exception with a code, a message and the given detail messages packed as <c>Any</c>.</summary>
    public static RpcException WithDetails(StatusCode code, string message, params IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        foreach (var detail in details)
        {
            status.Details.Add(Any.Pack(detail));
        }
        return new RpcException(new Status(code, message), new Metadata(), status);
    }

    /// <summary>INVALID_ARGUMENT with a <see cref="BadRequest"/> field violation naming the field.</summary>
    public static RpcException InvalidArgument(string field, string description)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return WithDetails(StatusCode.InvalidArgument, $"{field}: {description}", badRequest);
    }

    /// <summary>NOT_FOUND with a <see cref="ResourceInfo"/> naming the missing resource.</summary>
    public static RpcException NotFound(string resourceType, string resourceName, string? description = null)
    {
        var text = description ?? $"{resourceType} '{resourceName}' was not found.";
        var info = new ResourceInfo { ResourceType = resourceType, ResourceName = resourceName, Description = text };
        return WithDetails(StatusCode.NotFound, text, info);
    }

    /// <summary>FAILED_PRECONDITION with a <see cref="PreconditionFailure"/> violation.</summary>
    /// <param name="type">The kind of precondition, e.g. "STATE".</param>
    /// <param name="subject">What failed it, e.g. "job/42".</param>
    /// <param name="description">Why, in words a caller can act on.</param>
    public static RpcException FailedPrecondition(string type, string subject, string description)
    {
        var failure = new PreconditionFailure();
        failure.Violations.Add(new PreconditionFailure.Types.Violation { Type = type, Subject = subject, Description = description });
        return WithDetails(StatusCode.FailedPrecondition, description, failure);
    }
}
