using Microsoft.Extensions.Options;

namespace ShopSync.Queue.Scheduling;

/// <summary>Refuses schedule runner settings that would make it spin or never queue; checked at start.</summary>
internal sealed class SchedulerOptionsValidator : IValidateOptions<SchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        var failures = new List<string>();
        const string s = SchedulerOptions.SectionName;
        if (options.IdlePollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{s}:IdlePollInterval must be positive (it is {options.IdlePollInterval}).");
        }

        if (options.MisfireThreshold < TimeSpan.Zero)
        {
            failures.Add($"{s}:MisfireThreshold must not be negative (it is {options.MisfireThreshold}).");
        }

        if (options.LeadTime < TimeSpan.Zero)
        {
            failures.Add($"{s}:LeadTime must not be negative (it is {options.LeadTime}).");
        }

        if (options.SettleInterval < TimeSpan.Zero)
        {
            failures.Add($"{s}:SettleInterval must not be negative (it is {options.SettleInterval}).");
        }

        if (options.BatchSize < 1)
        {
            failures.Add($"{s}:BatchSize must be at least 1 (it is {options.BatchSize}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
