using Google.Protobuf.WellKnownTypes;
using ShopSync.Contracts.V1;
using ShopSync.Queue.Controls;
using ShopSync.Server.Grpc;

namespace ShopSync.Server.Jobs;

/// <summary>PurgeJobs messages to and from the queue's purge; the queue validates what it means (cutoff, statuses).</summary>
internal static class PurgeRequests
{
    public static JobPurgeRequest ToPurge(PurgeJobsRequest request)
    {
        var olderThan = JobRequests.Span(request.OlderThan, "older_than")
            ?? throw RpcErrors.InvalidArgument("older_than", "is required (e.g. 720h for 30 days)");
        return new JobPurgeRequest
        {
            OlderThan = olderThan,
            Statuses = JobRequests.Statuses(request.Statuses),
            ShopCode = request.ShopCode.Length == 0 ? null : request.ShopCode,
            DryRun = request.DryRun,
        };
    }

    public static PurgeJobsResponse ToMessage(PurgeResult result) => new()
    {
        Count = result.Count,
        DryRun = result.DryRun,
        Complete = result.Complete,
        Cutoff = Timestamp.FromDateTimeOffset(result.Cutoff),
    };
}
