using Google.Rpc;
using ShopSync.Grpc;
using ShopSync.Queue.Errors;

namespace ShopSync.Server.Grpc;

/// <summary>The engine's deliberate errors as gRPC statuses.</summary>
internal static class QueueErrors
{
    public static RpcException? Translate(Exception e) => e switch
    {
        JobValidationException v => DomainErrorInterceptor.Invalid(v.Field, v.Message),
        JobNotFoundException n => RpcException.NotFound("job", n.JobId.ToString(), $"job_id: {n.Message}"),
        JobStateException s => RpcException.FailedPrecondition("STATE", $"job/{s.JobId}", s.Message),
        JobOccurrenceExistsException o => RpcException.WithDetails(
            StatusCode.AlreadyExists, o.Message, new ResourceInfo { ResourceType = "job", ResourceName = $"{o.ScheduleId}@{o.OccurrenceUtc:O}", Description = o.Message }),
        StorageUnavailableException u => StorageErrors.ToStatus(u),
        _ => null,
    };
}
