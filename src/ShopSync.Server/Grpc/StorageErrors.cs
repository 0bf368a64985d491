using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using ShopSync.Queue.Errors;

namespace ShopSync.Server.Grpc;

/// <summary>
/// A database that cannot be used as a gRPC status: RESOURCE_EXHAUSTED for a full disk, UNAVAILABLE otherwise
/// (locked by another process, an I/O error, read-only, unreadable), with the driver's sentence naming the cause
/// and an <see cref="ErrorInfo"/> whose reason is machine-readable (STORAGE_BUSY, STORAGE_DISK_FULL, ...).
/// </summary>
internal static class StorageErrors
{
    public static RpcException ToStatus(StorageUnavailableException e)
    {
        var code = e.Reason == StorageFailureReason.DiskFull ? StatusCode.ResourceExhausted : StatusCode.Unavailable;
        var info = new ErrorInfo { Reason = ReasonCode(e.Reason), Domain = "shopsync.dev" };
        if (e.Reason == StorageFailureReason.Busy)
        {
            return RpcErrors.WithDetails(code, e.Message, info, new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) });
        }

        return RpcErrors.WithDetails(code, e.Message, info);
    }

    private static string ReasonCode(StorageFailureReason reason) => reason switch
    {
        StorageFailureReason.Busy => "STORAGE_BUSY",
        StorageFailureReason.DiskFull => "STORAGE_DISK_FULL",
        StorageFailureReason.IoError => "STORAGE_IO_ERROR",
        StorageFailureReason.ReadOnly => "STORAGE_READ_ONLY",
        StorageFailureReason.CannotOpen => "STORAGE_CANNOT_OPEN",
        _ => "STORAGE_CORRUPT",
    };
}
