namespace ShopSync.Grpc;

/// <summary>The gRPC status codes (grpc/grpc doc/statuscodes.md); the numeric values are on the wire.</summary>
public enum StatusCode
{
    /// <summary>Not an error.</summary>
    OK = 0,
    /// <summary>The operation was cancelled, typically by the caller.</summary>
    Cancelled = 1,
    /// <summary>Unknown error, e.g. a handler threw a non-status exception.</summary>
    Unknown = 2,
    /// <summary>The client specified an invalid argument.</summary>
    InvalidArgument = 3,
    /// <summary>The deadline expired before the operation could complete.</summary>
    DeadlineExceeded = 4,
    /// <summary>A requested entity was not found.</summary>
    NotFound = 5,
    /// <summary>The entity a client tried to create already exists.</summary>
    AlreadyExists = 6,
    /// <summary>The caller may not execute the operation.</summary>
    PermissionDenied = 7,
    /// <summary>A resource has been exhausted, e.g. a message exceeded the size limit.</summary>
    ResourceExhausted = 8,
    /// <summary>The system is not in a state required for the operation.</summary>
    FailedPrecondition = 9,
    /// <summary>The operation was aborted, typically due to a concurrency issue.</summary>
    Aborted = 10,
    /// <summary>The operation was attempted past the valid range.</summary>
    OutOfRange = 11,
    /// <summary>The operation is not implemented or supported.</summary>
    Unimplemented = 12,
    /// <summary>Internal error: an invariant of the underlying system is broken.</summary>
    Internal = 13,
    /// <summary>The service is currently unavailable; retrying may help.</summary>
    Unavailable = 14,
    /// <summary>Unrecoverable data loss or corruption.</summary>
    DataLoss = 15,
    /// <summary>The request lacks valid authentication credentials.</summary>
    Unauthenticated = 16,
}
