using System.Globalization;
using Coravel;
using Microsoft.Extensions.Options;
using ShopSync.Connector.Retention;
using ShopSync.Queue.Retention;

namespace ShopSync.Server.Housekeeping;

/// <summary>
/// In-process housekeeping on Coravel's scheduler: schedules kept in memory, re-created at every start, where a missed
/// or doubled run does no harm (a sweep deletes what is old, again or later). The sync tasks' schedules are not here:
/// they are ShopSync's own (durable, exactly-once per occurrence, several nodes on one database).
/// </summary>
internal static partial class HousekeepingSetup
{
    public static IServiceCollection AddShopSyncHousekeeping(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.SectionName))
            .Validate(o => o.RequestIds > TimeSpan.Zero, "Queue:Retention:RequestIds must be a positive duration (e.g. 1.00:00:00)")
            .ValidateOnStart();
        services.AddConnectorRetention(o => configuration.GetSection(ConnectorRetentionOptions.SectionName).Bind(o));
        services.AddScheduler();
        services.AddTransient<RetentionInvocable>();
        return services;
    }

    public static WebApplication UseShopSyncHousekeeping(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Housekeeping:Enabled", true))
        {
            return app;
        }

        var options = app.Services.GetRequiredService<IOptions<RetentionOptions>>().Value;
        var cron = Cron(options.SweepIntervalMinutes);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ShopSync.Server.Housekeeping");
        var stopping = app.Lifetime.ApplicationStopping;
        app.Services.UseScheduler(scheduler => scheduler
                .Schedule<RetentionInvocable>()
                .Cron(cron)
                .PreventOverlapping(nameof(RetentionInvocable)))
            .OnError(ex => OnSweepError(logger, stopping, ex));
        LogScheduled(logger, options.SweepIntervalMinutes, cron);
        return app;
    }

    /// <summary>
    /// A sweep the server's shutdown cancelled is not a failure: the next start's sweep deletes what this one left (the
    /// sweep runs on the wall clock's cron, so a short-lived server, e.g. a test host, can stop in the middle of one).
    /// </summary>
    internal static void OnSweepError(ILogger logger, CancellationToken stopping, Exception exception)
    {
        if (exception is OperationCanceledException && stopping.IsCancellationRequested)
        {
            LogSweepStopped(logger);
            return;
        }

        LogSweepFailed(logger, exception);
    }

    /// <summary>Every N minutes (N dividing 60) or every N hours (N × 60 minutes, N dividing 24).</summary>
    internal static string Cron(int minutes)
    {
        var text = minutes.ToString(CultureInfo.InvariantCulture);
        return minutes switch
        {
            > 0 and < 60 when 60 % minutes == 0 => $"*/{text} * * * *",
            60 => "0 * * * *",
            > 60 and <= 1440 when minutes % 60 == 0 && 24 % (minutes / 60) == 0 =>
                "0 */" + (minutes / 60).ToString(CultureInfo.InvariantCulture) + " * * *",
            _ => throw new ArgumentException(
                $"Queue:Retention:SweepIntervalMinutes: {text} must divide 60 (1..60) or be whole hours dividing 24 (120..1440)"),
        };
    }

    [LoggerMessage(EventId = 7101, EventName = "HousekeepingScheduled", Level = LogLevel.Information,
        Message = "Housekeeping: retention sweep every {Minutes} min (cron {Cron})")]
    private static partial void LogScheduled(ILogger logger, int minutes, string cron);

    [LoggerMessage(EventId = 7102, EventName = "HousekeepingFailed", Level = LogLevel.Error, Message = "A housekeeping sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7103, EventName = "HousekeepingStopped", Level = LogLevel.Information, Message = "A housekeeping sweep was stopped by the server's shutdown")]
    private static partial void LogSweepStopped(ILogger logger);
}
