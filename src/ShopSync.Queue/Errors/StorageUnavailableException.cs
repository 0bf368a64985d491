namespace ShopSync.Queue.Errors;

/// <summary>
/// The database could not be used for a reason outside the request (maps to UNAVAILABLE, or RESOURCE_EXHAUSTED for
/// <see cref="StorageFailureReason.DiskFull"/>). Raised by store drivers from their provider's error codes, so the
/// engine can retry what must not be lost (a run's end) and the server can answer with the cause.
/// </summary>
public sealed class StorageUnavailableException : JobQueueException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why the database could not be used.</param>
    /// <param name="message">A sentence naming the database and the cause.</param>
    /// <param name="inner">The provider's exception.</param>
    public StorageUnavailableException(StorageFailureReason reason, string message, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
    }

    /// <summary>Why the database could not be used.</summary>
    public StorageFailureReason Reason { get; }

    /// <summary>True when waiting can help (the lock is freed, space is freed, the device recovers).</summary>
    public bool IsTransient => Reason is StorageFailureReason.Busy or StorageFailureReason.DiskFull or StorageFailureReason.IoError;
}
