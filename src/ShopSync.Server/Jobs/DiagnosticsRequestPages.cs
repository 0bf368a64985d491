using ShopSync.Queue.Filters;

namespace ShopSync.Server.Jobs;

/// <summary>The request pages of the diagnostics tasks (90000, 90001), so their options are validated like any task's.</summary>
internal static class DiagnosticsRequestPages
{
    public static readonly RequestPageDefinition NoOp = RequestPageDefinition.For(90000, "No-op").Build();

    public static readonly RequestPageDefinition Diagnostics = RequestPageDefinition.For(90001, "Diagnostics")
        .IntegerOption("steps", "How many progress steps (default 10)")
        .IntegerOption("step_ms", "Milliseconds per step (default 100)")
        .IntegerOption("fail_attempts", "Attempts 1..n fail (default 0)")
        .TextOption("fail_message", "The error of a failing attempt")
        .IntegerOption("skip", "Records reported as skipped (a success with warnings)")
        .Build();
}
