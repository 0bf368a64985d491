using Google.Protobuf.WellKnownTypes;
using ShopSync.Queue.Recurrence;
using ShopSync.Server.Grpc;
using ShopSync.Server.Jobs;
using V1 = ShopSync.Contracts.V1;

namespace ShopSync.Server.Schedules;

/// <summary>PreviewSchedule: the next run times of a schedule, computed without creating anything.</summary>
internal static class SchedulePreview
{
    public const int DefaultCount = 10;
    public const int MaxCount = 1000;

    public static V1.PreviewScheduleResponse Build(V1.PreviewScheduleRequest request, DateTimeOffset now)
    {
        if (request.Count is < 0 or > MaxCount)
        {
            throw RpcErrors.InvalidArgument("count", $"must be 1..{MaxCount} (0 = {DefaultCount}); got {request.Count}");
        }
        var schedule = ScheduleMessages.ToSchedule(request.Schedule, "schedule");
        var from = JobRequests.Time(request.From, "from") ?? now;
        var runs = RecurrenceCalculator.Preview(schedule, from, request.Count == 0 ? DefaultCount : request.Count);
        var response = new V1.PreviewScheduleResponse();
        foreach (var run in runs)
        {
            response.Runs.Add(Timestamp.FromDateTimeOffset(run));
            response.LocalRuns.Add(RecurrenceCalculator.FormatLocal(schedule, run));
        }
        return response;
    }
}
