using ShopSync.Queue.Controls;
using ShopSync.Queue.Entries;
using ShopSync.Server.Grpc;
using V1 = ShopSync.Contracts.V1;

namespace ShopSync.Server.Jobs;

/// <summary>Maps the overview and bulk updates between the contract and the engine; bad input names its field.</summary>
internal static class DashboardMessages
{
    public static V1.CategorySummary ToMessage(CategoryOverview o)
    {
        var m = new V1.CategorySummary
        {
            CategoryCode = o.CategoryCode,
            Running = o.Running is { } running ? JobMessages.ToMessage(running) : null,
            Waiting = o.Waiting,
            Ready = o.Ready,
            OnHold = o.OnHold,
            Error = o.Error,
            OldestWaiting = o.OldestWaiting is { } oldest ? JobMessages.ToMessage(oldest) : null,
        };
        m.FinishedPerMinute.AddRange(o.FinishedPerMinute);
        return m;
    }

    public static BulkUpdateRequest ToBulk(V1.BulkUpdateJobsRequest request)
    {
        var action = request.Action is V1.BulkAction.Unspecified || !Enum.IsDefined(request.Action)
            ? throw RpcErrors.InvalidArgument("action", $"must be one of HOLD, READY, RESTART, RUN_NOW, CANCEL or DELETE (got {(int)request.Action})")
            : (BulkJobAction)(int)request.Action;
        if (request.ExpectedCount < 0)
        {
            throw RpcErrors.InvalidArgument("expected_count", "must not be negative (0: no guard)");
        }

        var bulk = new BulkUpdateRequest { Action = action, DryRun = request.DryRun, ExpectedCount = request.ExpectedCount };
        switch (request.SelectionCase)
        {
            case V1.BulkUpdateJobsRequest.SelectionOneofCase.Ids:
                var ids = request.Ids.JobIds;
                RequestLimits.CheckCount(ids.Count, RequestLimits.JobsPerBulkUpdate, "ids.job_ids");
                if (ids.Count == 0)
                {
                    throw RpcErrors.InvalidArgument("ids.job_ids", $"must name 1 to {RequestLimits.JobsPerBulkUpdate} entries");
                }

                return bulk with { Ids = ids.Select((id, i) => JobRequests.JobId(id, $"ids.job_ids[{i}]")).ToList() };
            case V1.BulkUpdateJobsRequest.SelectionOneofCase.Filter:
                var f = request.Filter;
                RequestLimits.CheckLength(f.Text, RequestLimits.SearchText, "filter.text");
                return bulk with
                {
                    Filter = new JobQuery
                    {
                        Statuses = JobRequests.Statuses(f.Statuses, "filter."),
                        CategoryCode = f.CategoryCode.Length == 0 ? null : f.CategoryCode,
                        ShopCode = f.ShopCode.Trim() is { Length: > 0 } shop ? shop : null,
                        ReportId = f.ReportId,
                        Text = f.Text.Length == 0 ? null : f.Text,
                    },
                };
            default:
                throw RpcErrors.InvalidArgument("selection", "name the entries: ids (1 to 1000 job ids) or a filter");
        }
    }
}
