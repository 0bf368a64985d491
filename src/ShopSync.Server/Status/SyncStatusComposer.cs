using ShopSync.Contracts.V1;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Health;
using ShopSync.Queue.Scheduling;
using ShopSync.Server.Grpc;
using ShopSync.Server.Jobs;
using ShopSync.Connector.Shops;
using ShopSync.Connector.Status;
using V1 = ShopSync.Contracts.V1;

namespace ShopSync.Server.Status;

/// <summary>
/// Builds the sync status of one shop or all shops: the connector cues (one statement per shop), Synchronization
/// Errors and per-task health from the job log (<see cref="ITaskHealthReader"/>), next runs from the schedules, and
/// the level of each cue from the thresholds.
/// </summary>
internal sealed class SyncStatusComposer(
    IShopRegistry shops,
    ConnectorCueCounter counter,
    CueThresholdStore thresholds,
    ITaskHealthReader health,
    IScheduleStore schedules,
    IReportCatalog reports,
    TimeProvider time)
{
    private const int ShopPage = 500;

    public async Task<GetSyncStatusResponse> GetAsync(string shopCode, int syncErrorsWithinHours, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = SyncErrorsSince(now, syncErrorsWithinHours, "sync_errors_within_hours");
        var codes = await ShopCodesAsync(shopCode, cancellationToken);
        var levels = await thresholds.LoadAsync(cancellationToken);
        var counts = await counter.CountAsync(codes, cancellationToken);
        var logs = await health.ReadAsync(codes, since, cancellationToken);
        var next = await NextRunsAsync(shopCode.Trim(), cancellationToken);
        var response = new GetSyncStatusResponse { AsOf = Timestamp(now) };
        for (var i = 0; i < codes.Count; i++)
        {
            response.Shops.Add(ShopStatus(codes[i], counts[i], logs[i], next.GetValueOrDefault(codes[i]) ?? [], levels));
        }
        return response;
    }

    /// <summary>The shops a request covers: the one named (NOT_FOUND when unknown), or every shop by code.</summary>
    public async Task<IReadOnlyList<string>> ShopCodesAsync(string shopCode, CancellationToken cancellationToken)
    {
        var code = shopCode.Trim();
        if (code.Length > 0)
        {
            return await shops.FindAsync(code, cancellationToken) is null
                ? throw RpcErrors.NotFound("shop", ShopSync.Queue.Entries.RequestLimits.Quote(code), $"shop '{ShopSync.Queue.Entries.RequestLimits.Quote(code)}' does not exist")
                : [code];
        }
        var codes = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await shops.ListAsync(after, ShopPage, cancellationToken);
            codes.AddRange(page.Select(s => s.Code));
            if (page.Count < ShopPage)
            {
                return codes;
            }
            after = page[^1].Code;
        }
    }

    /// <summary>Null for 0 (all history); INVALID_ARGUMENT for a negative value.</summary>
    /// <summary>Most hours a sync-error window may reach back (ten years); 0 means no limit.</summary>
    public const int MaxSyncErrorsWithinHours = 87_600;

    public static DateTimeOffset? SyncErrorsSince(DateTimeOffset now, int hours, string field) =>
        hours is < 0 or > MaxSyncErrorsWithinHours
            ? throw RpcErrors.InvalidArgument(field, $"must be 0..{MaxSyncErrorsWithinHours} hours (0 = no limit; got {hours})")
        : hours == 0 ? null
        : now.AddHours(-hours);

    private ShopSyncStatus ShopStatus(
        string code, IReadOnlyDictionary<StatusCue, long> counts, ShopTaskHealth log, Dictionary<int, DateTimeOffset> next, CueThresholdSet levels)
    {
        var status = new ShopSyncStatus { ShopCode = code };
        foreach (var cue in Enum.GetValues<StatusCue>())
        {
            var count = cue == StatusCue.SynchronizationErrors ? log.FailedRunsSince : counts[cue];
            status.Cues.Add(new CueValue { Cue = (Cue)(int)cue, Count = count, Level = (V1.CueLevel)(int)levels.For(code, cue).LevelOf(count) });
        }
        var byReport = log.Tasks.ToDictionary(t => t.ReportId);
        foreach (var reportId in byReport.Keys.Union(next.Keys).Order())
        {
            var task = byReport.GetValueOrDefault(reportId) ?? new TaskHealthRecord { ReportId = reportId };
            status.Tasks.Add(ToMessage(task, next.TryGetValue(reportId, out var at) ? at : null));
        }
        return status;
    }

    private TaskHealth ToMessage(TaskHealthRecord task, DateTimeOffset? nextRun)
    {
        var name = reports.Reports.FirstOrDefault(r => r.ReportId == task.ReportId)?.Name;
        var message = new TaskHealth
        {
            ReportId = task.ReportId,
            ReportName = name ?? task.Description,
            LastSuccess = Timestamp(task.LastSuccess),
            LastFailure = Timestamp(task.LastFailure),
            LastFailureMessage = task.LastFailureMessage ?? "",
            ConsecutiveFailures = task.ConsecutiveFailures,
            FailingNow = task.FailingNow,
            RunningNow = task.RunningNow,
            NextRun = Timestamp(nextRun),
        };
        if (task.RunningNow)
        {
            message.Progress = JobMessages.ToMessage(task.Progress);
        }
        return message;
    }

    /// <summary>Per shop and report, the earliest next occurrence of the active schedules (of one shop, or of all when empty).</summary>
    private async Task<Dictionary<string, Dictionary<int, DateTimeOffset>>> NextRunsAsync(string shopCode, CancellationToken cancellationToken)
    {
        var next = new Dictionary<string, Dictionary<int, DateTimeOffset>>(StringComparer.Ordinal);
        Guid? after = null;
        while (true)
        {
            var page = await schedules.ListAsync(
                new ScheduleQuery { ShopCode = shopCode.Length == 0 ? null : shopCode, PageSize = 1000, After = after }, cancellationToken);
            foreach (var s in page.Schedules)
            {
                if (s.State != ScheduleState.Active || s.NextOccurrence is not { } occurrence)
                {
                    continue;
                }
                if (!next.TryGetValue(s.Definition.ShopCode, out var reportsOfShop))
                {
                    reportsOfShop = [];
                    next.Add(s.Definition.ShopCode, reportsOfShop);
                }
                var reportId = s.Definition.ReportId;
                reportsOfShop[reportId] = reportsOfShop.TryGetValue(reportId, out var known) && known <= occurrence ? known : occurrence;
            }
            if (!page.HasMore || page.Schedules.Count == 0)
            {
                return next;
            }
            after = page.Schedules[^1].Id;
        }
    }

    private static Google.Protobuf.WellKnownTypes.Timestamp? Timestamp(DateTimeOffset? value) =>
        value is { } v ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(v) : null;
}
