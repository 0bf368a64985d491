namespace ShopSync.Queue.Errors;

/// <summary>No entry has the id (maps to NOT_FOUND).</summary>
public sealed class JobNotFoundException : JobQueueException
{
    /// <summary>Creates the exception.</summary>
    public JobNotFoundException(Guid jobId)
        : base($"Job queue entry {jobId} does not exist.")
    {
        JobId = jobId;
    }

    /// <summary>The id that was not found.</summary>
    public Guid JobId { get; }
}
