using Microsoft.Extensions.Options;

namespace ShopSync.Queue;

/// <summary>
/// Refuses settings with which the dispatcher would never run anything or never notice a dead node; checked at start
/// (<c>ValidateOnStart</c>), so a bad value stops the host with a message naming the setting.
/// </summary>
internal sealed class QueueOptionsValidator : IValidateOptions<QueueOptions>
{
    public ValidateOptionsResult Validate(string? name, QueueOptions options)
    {
        var failures = new List<string>();
        const string s = QueueOptions.SectionName;
        if (options.MaxConcurrency < 1)
        {
            failures.Add($"{s}:MaxConcurrency must be at least 1 (it is {options.MaxConcurrency}).");
        }

        if (options.LeaseDuration <= TimeSpan.Zero)
        {
            failures.Add($"{s}:LeaseDuration must be positive (it is {options.LeaseDuration}).");
        }

        if (options.LeaseCheckInterval <= TimeSpan.Zero)
        {
            failures.Add($"{s}:LeaseCheckInterval must be positive (it is {options.LeaseCheckInterval}).");
        }

        if (options.SafetyPollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{s}:SafetyPollInterval must be positive (it is {options.SafetyPollInterval}).");
        }

        if (options.ShutdownGracePeriod < TimeSpan.Zero)
        {
            failures.Add($"{s}:ShutdownGracePeriod must not be negative (it is {options.ShutdownGracePeriod}).");
        }

        if (options.WatcherBufferSize < 1)
        {
            failures.Add($"{s}:WatcherBufferSize must be at least 1 (it is {options.WatcherBufferSize}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
