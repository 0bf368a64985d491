namespace ShopSync.Queue.Errors;

/// <summary>A request id was used before with a different request (maps to FAILED_PRECONDITION naming request_id).</summary>
public sealed class EnqueueRequestConflictException : JobQueueException
{
    /// <summary>Creates the exception.</summary>
    public EnqueueRequestConflictException(string requestId)
        : base($"request_id {requestId} was already used with a different request; use a new request_id for a new request.")
    {
        RequestId = requestId;
    }

    /// <summary>The request id.</summary>
    public string RequestId { get; }
}
