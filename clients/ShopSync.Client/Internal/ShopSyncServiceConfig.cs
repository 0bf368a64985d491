using Grpc.Core;
using Grpc.Net.Client.Configuration;

namespace ShopSync.Client.Internal;

/// <summary>
/// The channel's gRPC service config: the idempotent calls (Get/List/Preview/Check and the watch-all streams) are
/// retried on UNAVAILABLE by grpc-dotnet, within the call's deadline; a stream only until the server's first
/// message (then the call is committed). EnqueueJob and EnqueueJobs are retried too: the typed client sets their
/// request_id before the call and grpc-dotnet resends the same message, so the server answers a retry with the first
/// attempt's entries (AIP-155). Other calls that change something are never retried. WatchJob is left out: it
/// resumes after the last event itself (<see cref="ResumableJobWatch"/>).
/// </summary>
internal static class ShopSyncServiceConfig
{
    private static readonly (string Service, string[] Methods)[] Idempotent =
    [
        ("shopsync.v1.JobQueueService", ["EnqueueJob", "EnqueueJobs", "GetJob", "ListJobs", "ListLogEntries", "ListReports", "GetRequestPage", "GetRequestPageFilters", "WatchJobs", "ListCategories"]),
        ("shopsync.v1.ScheduleService", ["GetSchedule", "ListSchedules", "PreviewSchedule"]),
        ("shopsync.v1.ShopService", ["GetShop", "ListShops"]),
        ("shopsync.v1.AuditService", ["ListAuditEvents"]),
        ("shopsync.v1.SyncStatusService", ["GetSyncStatus", "ListCueRecords", "WatchSyncStatus"]),
        ("shopsync.v1.ErpBookService", ["ListErpDocuments"]),
        ("grpc.health.v1.Health", ["Check"]),
    ];

    /// <summary>The service config for <paramref name="retry"/>; null when it allows no retries.</summary>
    public static ServiceConfig? Create(ShopSyncRetryPolicy retry)
    {
        if (retry.MaxAttempts <= 1)
        {
            return null;
        }
        var method = new MethodConfig
        {
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = retry.MaxAttempts,
                InitialBackoff = retry.InitialBackoff,
                MaxBackoff = retry.MaxBackoff,
                BackoffMultiplier = retry.BackoffMultiplier,
                RetryableStatusCodes = { StatusCode.Unavailable },
            },
        };
        foreach (var (service, methods) in Idempotent)
        {
            foreach (var name in methods)
            {
                method.Names.Add(new MethodName { Service = service, Method = name });
            }
        }
        return new ServiceConfig { MethodConfigs = { method } };
    }
}
