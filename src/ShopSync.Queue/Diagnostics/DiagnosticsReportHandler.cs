using System.Globalization;
using ShopSync.Queue.Handlers;

namespace ShopSync.Queue.Diagnostics;

/// <summary>
/// Report 90001 "Diagnostics": behaves as its options ask. <c>steps</c> (default 10) steps of <c>step_ms</c>
/// (default 100) each reporting progress; <c>fail_attempts</c>: attempts 1..n fail with <c>fail_message</c>;
/// <c>skip</c>: records counted as skipped (ends with warnings). Honours cancellation at every step.
/// </summary>
internal sealed class DiagnosticsReportHandler : IReportHandler
{
    public const int ReportId = 90001;

    public ReportDefinition Definition { get; } = new()
    {
        ReportId = ReportId,
        Name = "Diagnostics",
        Aliases = ["diag"],
        Description = "Sleeps, fails or reports progress as its options ask (diagnostics and tests).",
        DefaultMaxAttempts = 3,
        Backoff = RetryBackoff.None,
    };

    public async Task<ReportOutcome> RunAsync(ReportContext context, CancellationToken cancellationToken)
    {
        var steps = Number(context, "steps", 10);
        var stepDelay = TimeSpan.FromMilliseconds(Number(context, "step_ms", 100));
        var failAttempts = Number(context, "fail_attempts", 0);
        var skip = Number(context, "skip", 0);
        for (var step = 1; step <= steps; step++)
        {
            if (stepDelay > TimeSpan.Zero)
            {
                await Task.Delay(stepDelay, context.TimeProvider, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            context.Progress.Add(pages: 1, done: 1);
            context.Progress.Report(steps == 0 ? 100 : step * 100 / steps, $"Step {step} of {steps}");
        }

        if (context.Attempt <= failAttempts)
        {
            return ReportOutcome.Failure(context.GetOption("fail_message") ?? $"Diagnostics failure on attempt {context.Attempt}.");
        }

        context.Progress.Add(skipped: skip);
        return ReportOutcome.Success();
    }

    private static int Number(ReportContext context, string name, int fallback) =>
        int.TryParse(context.GetOption(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
