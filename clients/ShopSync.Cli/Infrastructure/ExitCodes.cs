namespace ShopSync.Cli.Infrastructure;

/// <summary>The CLI's documented exit codes (docs/cli.md, <c>shopsync --help</c>).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The job failed (or was cancelled, timed out, expired), or the server could not do it (UNIMPLEMENTED, INTERNAL …).</summary>
    public const int Failed = 1;

    /// <summary>Bad command line.</summary>
    public const int Usage = 2;

    /// <summary>The server could not be reached, is not serving, or did not answer in time.</summary>
    public const int Unavailable = 3;

    /// <summary>A shop, job, schedule or task does not exist.</summary>
    public const int NotFound = 4;

    /// <summary>The server rejected the request: invalid argument, failed precondition, already exists.</summary>
    public const int Rejected = 5;

    /// <summary>Not authenticated (missing, invalid, expired or revoked credential) or not permitted.</summary>
    public const int Denied = 6;

    /// <summary>Interrupted by Ctrl+C (a foreground sync detached, or cancelled with --cancel-on-interrupt).</summary>
    public const int Interrupted = 130;

    public const string HelpText = """
        Exit codes:
          0    ok
          1    the job failed (or was cancelled/timed out), or the server could not do it (e.g. UNIMPLEMENTED)
          2    usage: bad command line
          3    server unavailable (cannot connect, not serving, deadline exceeded)
          4    not found (shop, job, schedule, task)
          5    rejected: invalid argument, failed precondition, already exists
          6    denied: not authenticated (UNAUTHENTICATED) or not permitted (PERMISSION_DENIED)
          130  interrupted by Ctrl+C (the job keeps running unless --cancel-on-interrupt)
        """;
}
