using System.Collections.Frozen;
using ShopSync.Contracts.V1;

namespace ShopSync.Server.Access;

/// <summary>
/// The one table of who may call what: every RPC of every ShopSync service by its full method name
/// (<c>/shopsync.v1.JobQueueService/EnqueueJob</c>). A method missing here is refused (PERMISSION_DENIED) and fails
/// <c>RpcRulesTests</c>. Health and reflection are open (<see cref="IsOpen"/>).
/// </summary>
internal static class RpcRules
{
    private static readonly FrozenDictionary<string, RpcRule> Rules = Build();

    public static IReadOnlyDictionary<string, RpcRule> All => Rules;

    public static RpcRule? Find(string method) => Rules.GetValueOrDefault(method);

    /// <summary>Health and reflection answer without a credential (probes, grpcurl).</summary>
    public static bool IsOpen(string method) =>
        method.StartsWith("/grpc.health.v1.Health/", StringComparison.Ordinal)
        || method.StartsWith("/grpc.reflection.", StringComparison.Ordinal);

    private static FrozenDictionary<string, RpcRule> Build()
    {
        var rules = new Dictionary<string, RpcRule>(StringComparer.Ordinal);
        void Add(string service, string method, string permission, bool mutates, ScopeTarget scope = ScopeTarget.Shops) =>
            rules.Add($"/{service}/{method}", new RpcRule(permission, mutates, scope));

        var jobs = JobQueueService.Descriptor.FullName;
        Add(jobs, "EnqueueJob", Permission.JobsEnqueue, mutates: true);
        Add(jobs, "EnqueueJobs", Permission.JobsEnqueue, mutates: true);
        Add(jobs, "WatchJob", Permission.JobsRead, mutates: false, ScopeTarget.Job);
        Add(jobs, "WatchJobs", Permission.JobsRead, mutates: false);
        Add(jobs, "GetJob", Permission.JobsRead, mutates: false, ScopeTarget.Job);
        Add(jobs, "ListJobs", Permission.JobsRead, mutates: false);
        Add(jobs, "ListLogEntries", Permission.JobsRead, mutates: false, ScopeTarget.Job);
        Add(jobs, "HoldJob", Permission.JobsControl, mutates: true, ScopeTarget.Job);
        Add(jobs, "SetJobReady", Permission.JobsControl, mutates: true, ScopeTarget.Job);
        Add(jobs, "RestartJob", Permission.JobsControl, mutates: true, ScopeTarget.Job);
        Add(jobs, "CancelJob", Permission.JobsControl, mutates: true, ScopeTarget.Job);
        Add(jobs, "DeleteJob", Permission.JobsControl, mutates: true, ScopeTarget.Job);
        Add(jobs, "PurgeJobs", Permission.JobsPurge, mutates: true);
        Add(jobs, "RunJobNow", Permission.JobsControl, mutates: true, ScopeTarget.Job);
        Add(jobs, "ListReports", Permission.JobsRead, mutates: false, ScopeTarget.None);
        Add(jobs, "GetRequestPage", Permission.JobsRead, mutates: false, ScopeTarget.None);
        Add(jobs, "SetRequestPageFilters", Permission.FiltersWrite, mutates: true, ScopeTarget.Job);
        Add(jobs, "GetRequestPageFilters", Permission.JobsRead, mutates: false, ScopeTarget.Job);
        // Scoped by the service itself: the overview reads and the bulk selection are restricted to the caller's shops.
        Add(jobs, "ListCategories", Permission.JobsRead, mutates: false);
        Add(jobs, "BulkUpdateJobs", Permission.JobsControl, mutates: true);

        var schedules = ScheduleService.Descriptor.FullName;
        Add(schedules, "ScheduleRecurring", Permission.SchedulesWrite, mutates: true);
        Add(schedules, "UpdateSchedule", Permission.SchedulesWrite, mutates: true, ScopeTarget.Schedule);
        Add(schedules, "GetSchedule", Permission.SchedulesRead, mutates: false, ScopeTarget.Schedule);
        Add(schedules, "ListSchedules", Permission.SchedulesRead, mutates: false);
        Add(schedules, "PauseSchedule", Permission.SchedulesWrite, mutates: true, ScopeTarget.Schedule);
        Add(schedules, "ResumeSchedule", Permission.SchedulesWrite, mutates: true, ScopeTarget.Schedule);
        Add(schedules, "DeleteSchedule", Permission.SchedulesWrite, mutates: true, ScopeTarget.Schedule);
        Add(schedules, "PreviewSchedule", Permission.SchedulesRead, mutates: false);

        var shops = ShopService.Descriptor.FullName;
        Add(shops, "CreateShop", Permission.ShopsWrite, mutates: true);
        Add(shops, "UpdateShop", Permission.ShopsWrite, mutates: true);
        Add(shops, "GetShop", Permission.ShopsRead, mutates: false);
        Add(shops, "ListShops", Permission.ShopsRead, mutates: false);
        Add(shops, "DeleteShop", Permission.ShopsWrite, mutates: true);

        var erp = ErpBookService.Descriptor.FullName;
        Add(erp, "UpsertItems", Permission.ErpWrite, mutates: true, ScopeTarget.None);
        Add(erp, "UpsertPrices", Permission.ErpWrite, mutates: true, ScopeTarget.None);
        Add(erp, "UpsertStock", Permission.ErpWrite, mutates: true, ScopeTarget.None);
        Add(erp, "UpsertCustomers", Permission.ErpWrite, mutates: true, ScopeTarget.None);
        Add(erp, "PostShipment", Permission.ErpWrite, mutates: true, ScopeTarget.None);
        Add(erp, "ListErpDocuments", Permission.ErpRead, mutates: false);

        var status = SyncStatusService.Descriptor.FullName;
        Add(status, "GetSyncStatus", Permission.StatusRead, mutates: false);
        Add(status, "WatchSyncStatus", Permission.StatusRead, mutates: false);
        Add(status, "ListCueRecords", Permission.StatusRead, mutates: false);
        Add(status, "SetCueThresholds", Permission.StatusWrite, mutates: true);

        var access = AccessService.Descriptor.FullName;
        Add(access, "WhoAmI", Permission.WhoAmI, mutates: false, ScopeTarget.None);
        Add(access, "CreateApiKey", Permission.KeysManage, mutates: true, ScopeTarget.AllShops);
        Add(access, "ListApiKeys", Permission.KeysManage, mutates: false, ScopeTarget.AllShops);
        Add(access, "RevokeApiKey", Permission.KeysManage, mutates: true, ScopeTarget.AllShops);

        Add(AuditService.Descriptor.FullName, "ListAuditEvents", Permission.AuditRead, mutates: false, ScopeTarget.AllShops);
        return rules.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
