using ShopSync.Queue.Scheduling;
using ShopSync.Server.Grpc;
using ShopSync.Server.Jobs;
using Engine = ShopSync.Queue.Entries;
using V1 = ShopSync.Contracts.V1;

namespace ShopSync.Server.Schedules;

/// <summary>Reads ScheduleRecurring / UpdateSchedule definitions; every problem names its field (with the prefix).</summary>
internal sealed class ScheduleRequests(RequestPageService requestPages, ShopRunPolicy runPolicy)
{
    public static Guid ScheduleId(string value, string field = "schedule_id")
    {
        if (value.Length == 0)
        {
            throw RpcErrors.InvalidArgument(field, "is required");
        }
        return Guid.TryParse(value, out var id)
            ? id
            : throw RpcErrors.InvalidArgument(field, $"\"{ShopSync.Queue.Entries.RequestLimits.Quote(value)}\" is not a schedule id (a UUID such as 0b6f…)");
    }

    public async Task<ScheduleDefinition> ToDefinitionAsync(V1.ScheduleRecurringRequest? r, string prefix, CancellationToken cancellationToken)
    {
        if (r is null)
        {
            throw RpcErrors.InvalidArgument(prefix.TrimEnd('.'), "is required");
        }
        if (r.MaxAttempts is < 0 or > Engine.JobDefaults.MaxAttemptsLimit)
        {
            throw RpcErrors.InvalidArgument(prefix + "max_attempts", $"must be 0..{Engine.JobDefaults.MaxAttemptsLimit} (0 = the task's default); got {r.MaxAttempts}");
        }
        var recurrence = ScheduleMessages.ToSchedule(r.Schedule, prefix + "schedule");
        var filters = r.Filters.Select(f => (f.Field, f.Expression)).ToList();
        var options = r.Options.Select(o => (o.Name, o.Value)).ToList();
        var valid = requestPages.Validate(r.ReportId, filters, options, prefix);
        // The shop's code as stored (codes match ignoring case): the occurrence entries carry it, and filters by shop
        // (ListJobs, the status cues' task health) compare it exactly.
        var run = await runPolicy.ResolveRunAsync(r.ShopCode.Trim(), r.CategoryCode.Trim(), V1.RunMode.Background, cancellationToken);
        var definition = new ScheduleDefinition
        {
            ShopCode = run.ShopCode,
            ReportId = r.ReportId,
            Description = r.Description.Trim(),
            CategoryCode = run.Category,
            Priority = r.Priority == 0 ? null : r.Priority,
            Filters = valid.Filters.Select(f => new Engine.RequestPageFilter(f.Field.Name, f.Expression)).ToList(),
            Options = valid.Options.Where(o => !o.IsUnset).Select(o => new Engine.RequestPageOption(o.Name, o.Text)).ToList(),
            MaxAttempts = r.MaxAttempts == 0 ? null : r.MaxAttempts,
            RerunDelay = JobRequests.Span(r.RerunDelay, prefix + "rerun_delay"),
            Timeout = JobRequests.Span(r.Timeout, prefix + "timeout"),
            Recurrence = recurrence,
        };
        var errors = ScheduleDefinitionValidator.Validate(definition, prefix);
        if (errors.Count > 0)
        {
            throw ScheduleMessages.ToRpc(errors);
        }
        return definition;
    }
}
