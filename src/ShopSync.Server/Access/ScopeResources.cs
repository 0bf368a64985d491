using Google.Protobuf;
using Google.Protobuf.Reflection;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Scheduling;
using ShopSync.Server.Grpc;

namespace ShopSync.Server.Access;

/// <summary>
/// The scope checks of a request: the shops it names (<see cref="ScopeGuard"/>) and, for <see cref="ScopeTarget.Job"/>
/// and <see cref="ScopeTarget.Schedule"/>, the shop of the entry or schedule it names, looked up before the call
/// runs. Another shop's entry or schedule answers exactly as a missing one.
/// </summary>
internal sealed class ScopeResources(IJobQueue queue, IScheduleStore schedules)
{
    public async Task CheckRequestAsync(IMessage request, AuthorizedCall call, CancellationToken cancellationToken)
    {
        ScopeGuard.CheckRequest(request, call.Scope, call.Rule.Mutates);
        switch (call.Rule.Scope)
        {
            case ScopeTarget.Job when IdField(request, "job_id") is { } jobId:
                var job = await queue.GetAsync(jobId, cancellationToken);
                if (!call.Scope.Allows(job.ShopCode))
                {
                    throw new JobNotFoundException(jobId);
                }
                break;
            case ScopeTarget.Schedule when IdField(request, "schedule_id") is { } scheduleId:
                var schedule = await schedules.FindAsync(scheduleId, cancellationToken);
                if (schedule is not null && !call.Scope.Allows(schedule.Definition.ShopCode))
                {
                    throw RpcErrors.NotFound("schedule", scheduleId.ToString("D"), $"schedule_id: schedule {scheduleId:D} does not exist");
                }
                break;
        }
    }

    /// <summary>A well-formed id in the named string field; malformed ones are left to the service's own validation.</summary>
    private static Guid? IdField(IMessage request, string name) =>
        request.Descriptor.FindFieldByName(name) is { FieldType: FieldType.String } field
        && Guid.TryParse((string)field.Accessor.GetValue(request), out var id) ? id : null;
}
