using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Handlers;

/// <summary>How a handler's run ended. A <see cref="JobResult.Succeeded"/> run with skipped records is recorded as succeeded with warnings.</summary>
public sealed record ReportOutcome
{
    private ReportOutcome(JobResult result, string? message, string? detail)
    {
        Result = result;
        Message = message;
        Detail = detail;
    }

    /// <summary>Succeeded, SucceededWithWarnings or Failed.</summary>
    public JobResult Result { get; }

    /// <summary>Warning or error message.</summary>
    public string? Message { get; }

    /// <summary>Error detail.</summary>
    public string? Detail { get; }

    /// <summary>The run succeeded.</summary>
    public static ReportOutcome Success() => new(JobResult.Succeeded, null, null);

    /// <summary>The run succeeded but something (e.g. skipped records) deserves attention.</summary>
    public static ReportOutcome Warning(string message) => new(JobResult.SucceededWithWarnings, message, null);

    /// <summary>The run failed; it is retried while attempts remain.</summary>
    public static ReportOutcome Failure(string message, string? detail = null) => new(JobResult.Failed, message, detail);
}
