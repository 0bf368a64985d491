using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Errors;

/// <summary>The operation is not allowed in the entry's current status (maps to FAILED_PRECONDITION).</summary>
public sealed class JobStateException : JobQueueException
{
    /// <summary>Creates the exception.</summary>
    public JobStateException(Guid jobId, JobStatus status, string message)
        : base(message)
    {
        JobId = jobId;
        Status = status;
    }

    /// <summary>The entry.</summary>
    public Guid JobId { get; }

    /// <summary>Its status when the operation was refused.</summary>
    public JobStatus Status { get; }
}
