using ShopSync.Queue.Entries;
using ShopSync.Queue.Recurrence;

namespace ShopSync.Queue.Scheduling;

/// <summary>Checks a schedule's settable fields; each problem names its proto field path.</summary>
public static class ScheduleDefinitionValidator
{
    /// <summary>Every problem, fields prefixed with <paramref name="prefix"/> (e.g. <c>definition.</c> for UpdateSchedule).</summary>
    public static IReadOnlyList<ScheduleError> Validate(ScheduleDefinition definition, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<ScheduleError>();
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors.Add(new ScheduleError(prefix + field, message));
            }
        }

        Check(definition.ReportId > 0, "report_id", $"must name a report (got {definition.ReportId})");
        Check(definition.ShopCode.Length <= JobDefaults.ShopCodeMaxLength, "shop_code", $"must be at most {JobDefaults.ShopCodeMaxLength} characters");
        var categoryProblem = CategoryCodes.Problem(definition.CategoryCode ?? "");
        Check(categoryProblem is null, "category_code", categoryProblem ?? string.Empty);
        Check(definition.Description.Length <= JobDefaults.DescriptionMaxLength, "description", $"must be at most {JobDefaults.DescriptionMaxLength} characters");
        Check(definition.Priority is null or >= 0, "priority", $"must not be negative (got {definition.Priority})");
        Check(definition.MaxAttempts is null or (>= 0 and <= JobDefaults.MaxAttemptsLimit), "max_attempts", $"must be 0..{JobDefaults.MaxAttemptsLimit} (got {definition.MaxAttempts})");
        Check(definition.RerunDelay is null || (definition.RerunDelay >= TimeSpan.Zero && definition.RerunDelay <= JobDefaults.RerunDelayLimit), "rerun_delay", $"must be 0..3600 s (got {definition.RerunDelay?.TotalSeconds} s)");
        Check(definition.Timeout is null || (definition.Timeout > TimeSpan.Zero && definition.Timeout <= JobDefaults.TimeoutLimit), "timeout", $"must be more than 0 and at most 7 days (got {definition.Timeout})");
        errors.AddRange(ScheduleValidator.Validate(definition.Recurrence, prefix + "schedule"));
        return errors;
    }
}
