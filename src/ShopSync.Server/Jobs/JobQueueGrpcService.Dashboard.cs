using Grpc.Core;
using ShopSync.Contracts.V1;
using ShopSync.Queue.Audit;
using ShopSync.Server.Access;

namespace ShopSync.Server.Jobs;

/// <summary>The dashboard's RPCs: the category overview and bulk actions, both restricted to the caller's shops.</summary>
internal sealed partial class JobQueueGrpcService
{
    public override async Task<ListCategoriesResponse> ListCategories(ListCategoriesRequest request, ServerCallContext context)
    {
        var overviews = await queue.ListCategoriesAsync(
            new ShopSync.Queue.Controls.CategoryQuery
            {
                ShopCode = NullIfEmpty(request.ShopCode.Trim()),
                Shops = ScopeShops(context),
                ThroughputMinutes = request.ThroughputMinutes,
            },
            context.CancellationToken);
        var response = new ListCategoriesResponse();
        response.Categories.AddRange(overviews.Select(DashboardMessages.ToMessage));
        return response;
    }

    public override async Task<BulkUpdateJobsResponse> BulkUpdateJobs(BulkUpdateJobsRequest request, ServerCallContext context)
    {
        var bulk = DashboardMessages.ToBulk(request) with { Shops = ScopeShops(context) };
        // Many transactions, an outcome known only at the end: the audit record is appended then, with the counts.
        var audit = AuditScope.Current;
        audit?.DeferToEnd();
        var result = await queue.BulkUpdateAsync(bulk, context.CancellationToken);
        if (audit is not null)
        {
            var selection = request.SelectionCase == BulkUpdateJobsRequest.SelectionOneofCase.Ids ? $"{request.Ids.JobIds.Count} ids" : "a filter";
            audit.Detail = result.DryRun
                ? $"{ActionName(bulk.Action)} on {selection}: matched {result.Matched} (dry run)"
                : $"{ActionName(bulk.Action)} on {selection}: matched {result.Matched}, applied {result.Applied}, skipped {result.Matched - result.Applied}";
        }

        var response = new BulkUpdateJobsResponse { Matched = result.Matched, Applied = result.Applied, DryRun = result.DryRun };
        response.Skipped.AddRange(result.Skipped.Select(s => new ShopSync.Contracts.V1.BulkSkip { JobId = s.JobId.ToString(), Reason = s.Reason }));
        return response;
    }

    private static string ActionName(ShopSync.Queue.Controls.BulkJobAction action) => action switch
    {
        ShopSync.Queue.Controls.BulkJobAction.Hold => "HOLD",
        ShopSync.Queue.Controls.BulkJobAction.Ready => "READY",
        ShopSync.Queue.Controls.BulkJobAction.Restart => "RESTART",
        ShopSync.Queue.Controls.BulkJobAction.RunNow => "RUN_NOW",
        ShopSync.Queue.Controls.BulkJobAction.Cancel => "CANCEL",
        _ => "DELETE",
    };

    /// <summary>The shops a scoped principal may see (passed down so counts and selections stay inside them); null: every shop.</summary>
    private static IReadOnlyCollection<string>? ScopeShops(ServerCallContext context) =>
        ShopScope.Of(context.GetHttpContext().User) is { IsEverything: false } scope ? scope.Shops : null;
}
