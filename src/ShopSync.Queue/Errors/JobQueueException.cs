namespace ShopSync.Queue.Errors;

/// <summary>Base of the errors the job queue raises on purpose; the gRPC layer maps each subtype to one status code.</summary>
public abstract class JobQueueException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected JobQueueException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
