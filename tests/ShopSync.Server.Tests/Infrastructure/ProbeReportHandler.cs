using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;

namespace ShopSync.Server.Tests.Infrastructure;

/// <summary>
/// A test task with a request page of filterable fields (the diagnostics tasks have only options), so
/// filter validation and (shop, report) defaults are exercised through the server. Runs succeed at once.
/// </summary>
internal sealed class ProbeReportHandler : IReportHandler
{
    public const int ReportId = 91001;

    public static readonly RequestPageDefinition RequestPage = RequestPageDefinition.For(ReportId, "Filter Probe")
        .Code("No.", "Order number")
        .Option("Financial Status", "Paid", "Pending", "Refunded")
        .Date("Created At", "Order date")
        .BooleanOption("Only Paid", "Only paid orders")
        .Build();

    public ReportDefinition Definition { get; } = new()
    {
        ReportId = ReportId,
        Name = "Filter Probe",
        DefaultMaxAttempts = 1,
        Backoff = RetryBackoff.None,
    };

    public Task<ReportOutcome> RunAsync(ReportContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ReportOutcome.Success());
}
