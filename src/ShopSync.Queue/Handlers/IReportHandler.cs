namespace ShopSync.Queue.Handlers;

/// <summary>
/// Runs one task (report). Register with <c>services.AddReportHandler&lt;T&gt;()</c>. The dispatcher calls
/// <see cref="RunAsync"/> once per attempt; throwing is a failed attempt (retried while attempts remain).
/// </summary>
public interface IReportHandler
{
    /// <summary>The report this handler runs.</summary>
    ReportDefinition Definition { get; }

    /// <summary>Runs one attempt. Honour <paramref name="cancellationToken"/> (cancel, timeout, shutdown, lost lease).</summary>
    Task<ReportOutcome> RunAsync(ReportContext context, CancellationToken cancellationToken);
}
