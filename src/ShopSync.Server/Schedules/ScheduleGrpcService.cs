using Grpc.Core;
using ShopSync.Contracts.V1;
using ShopSync.Queue.Scheduling;
using ShopSync.Server.Grpc;

namespace ShopSync.Server.Schedules;

/// <summary>shopsync.v1.ScheduleService: recurring entries; <see cref="ScheduleRunner"/> queues their occurrences.</summary>
internal sealed class ScheduleGrpcService(ScheduleManager schedules, ScheduleRequests requests, TimeProvider time) : ScheduleService.ScheduleServiceBase
{
    public override async Task<ScheduleRecurringResponse> ScheduleRecurring(ScheduleRecurringRequest request, ServerCallContext context)
    {
        var definition = await requests.ToDefinitionAsync(request, "", context.CancellationToken);
        var created = await schedules.CreateAsync(definition, request.OnHold, context.CancellationToken);
        return new ScheduleRecurringResponse { Schedule = ScheduleInfoMessages.ToMessage(created) };
    }

    public override async Task<UpdateScheduleResponse> UpdateSchedule(UpdateScheduleRequest request, ServerCallContext context)
    {
        var id = ScheduleRequests.ScheduleId(request.ScheduleId);
        var definition = await requests.ToDefinitionAsync(request.Definition, "definition.", context.CancellationToken);
        var updated = await Found(id, () => schedules.UpdateAsync(id, definition, context.CancellationToken));
        return new UpdateScheduleResponse { Schedule = ScheduleInfoMessages.ToMessage(updated) };
    }

    public override async Task<GetScheduleResponse> GetSchedule(GetScheduleRequest request, ServerCallContext context)
    {
        var id = ScheduleRequests.ScheduleId(request.ScheduleId);
        return new GetScheduleResponse
        {
            Schedule = ScheduleInfoMessages.ToMessage(await Found(id, () => schedules.GetAsync(id, context.CancellationToken))),
        };
    }

    public override async Task<ListSchedulesResponse> ListSchedules(ListSchedulesRequest request, ServerCallContext context)
    {
        var position = Paging.Decode(request.PageToken);
        Guid? after = null;
        if (position.Length > 0)
        {
            after = Guid.TryParse(position, out var id)
                ? id
                : throw RpcErrors.InvalidArgument("page_token", "is not a page token this server issued; pass next_page_token from the previous response");
        }
        var page = await schedules.ListAsync(
            new ScheduleQuery
            {
                ShopCode = request.ShopCode.Trim() is { Length: > 0 } shop ? shop : null,
                ReportId = request.ReportId,
                PageSize = Paging.PageSize(request.PageSize),
                After = after,
            },
            context.CancellationToken);
        var response = new ListSchedulesResponse
        {
            NextPageToken = page.HasMore ? Paging.Encode(page.Schedules[^1].Id.ToString("D")) : "",
        };
        response.Schedules.AddRange(page.Schedules.Select(ScheduleInfoMessages.ToMessage));
        return response;
    }

    public override async Task<PauseScheduleResponse> PauseSchedule(PauseScheduleRequest request, ServerCallContext context)
    {
        var id = ScheduleRequests.ScheduleId(request.ScheduleId);
        var paused = await Found(id, () => schedules.PauseAsync(id, context.CancellationToken));
        return new PauseScheduleResponse { Schedule = ScheduleInfoMessages.ToMessage(paused) };
    }

    public override async Task<ResumeScheduleResponse> ResumeSchedule(ResumeScheduleRequest request, ServerCallContext context)
    {
        var id = ScheduleRequests.ScheduleId(request.ScheduleId);
        var resumed = await Found(id, () => schedules.ResumeAsync(id, context.CancellationToken));
        return new ResumeScheduleResponse { Schedule = ScheduleInfoMessages.ToMessage(resumed) };
    }

    public override async Task<DeleteScheduleResponse> DeleteSchedule(DeleteScheduleRequest request, ServerCallContext context)
    {
        var id = ScheduleRequests.ScheduleId(request.ScheduleId);
        await Found(id, async () =>
        {
            await schedules.DeleteAsync(id, context.CancellationToken);
            return true;
        });
        return new DeleteScheduleResponse();
    }

    public override Task<PreviewScheduleResponse> PreviewSchedule(PreviewScheduleRequest request, ServerCallContext context) =>
        Task.FromResult(SchedulePreview.Build(request, time.GetUtcNow()));

    private static async Task<T> Found<T>(Guid id, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ScheduleNotFoundException)
        {
            throw RpcErrors.NotFound("schedule", id.ToString("D"), $"schedule_id: schedule {id:D} does not exist");
        }
    }
}
