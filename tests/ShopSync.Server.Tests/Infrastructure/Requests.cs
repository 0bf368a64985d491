using Google.Protobuf.WellKnownTypes;
using ShopSync.Contracts.V1;

namespace ShopSync.Server.Tests.Infrastructure;

/// <summary>Enqueue requests for the tasks the tests use.</summary>
internal static class Requests
{
    public const int DiagnosticsReportId = 90001;

    /// <summary>Diagnostics task 90001 with its options.</summary>
    public static EnqueueJobRequest Diagnostics(
        RunMode mode = RunMode.Background, int steps = 3, int stepMs = 10, int failAttempts = 0, string? failMessage = null,
        int maxAttempts = 0, string category = "", string shop = "")
    {
        var request = new EnqueueJobRequest
        {
            ReportId = DiagnosticsReportId,
            Mode = mode,
            CategoryCode = category,
            ShopCode = shop,
            MaxAttempts = maxAttempts,
            RerunDelay = Duration.FromTimeSpan(TimeSpan.Zero),
        };
        request.Options.Add(new RequestPageOption { Name = "steps", Value = steps.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        request.Options.Add(new RequestPageOption { Name = "step_ms", Value = stepMs.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (failAttempts > 0)
        {
            request.Options.Add(new RequestPageOption { Name = "fail_attempts", Value = failAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        if (failMessage is not null)
        {
            request.Options.Add(new RequestPageOption { Name = "fail_message", Value = failMessage });
        }
        return request;
    }

    /// <summary>The gated test task 91002: its run waits for the test.</summary>
    public static EnqueueJobRequest Gated(string category = "GATED", RunMode mode = RunMode.Background, string shop = "", int maxAttempts = 0) => new()
    {
        ReportId = GatedReportHandler.GatedReportId,
        Mode = mode,
        CategoryCode = category,
        ShopCode = shop,
        MaxAttempts = maxAttempts,
    };
}
