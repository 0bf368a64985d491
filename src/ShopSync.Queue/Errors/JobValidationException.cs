namespace ShopSync.Queue.Errors;

/// <summary>Input was invalid (maps to INVALID_ARGUMENT). <see cref="Field"/> names the offending field in proto spelling.</summary>
public sealed class JobValidationException : JobQueueException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The field, e.g. <c>max_attempts</c> or <c>jobs[3].filters[0].field</c>.</param>
    /// <param name="message">What is wrong with it.</param>
    public JobValidationException(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
        Reason = message;
    }

    /// <summary>The offending field.</summary>
    public string Field { get; }

    /// <summary>What is wrong, without the field prefix.</summary>
    public string Reason { get; }

    /// <summary>The same error with a prefix on the field (e.g. <c>jobs[3].</c>).</summary>
    public JobValidationException WithFieldPrefix(string prefix) => new(prefix + Field, Reason);
}
