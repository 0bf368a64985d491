using Microsoft.Extensions.Options;

namespace ShopSync.Server.Demo;

/// <summary>Rejects demo settings the sandbox cannot start with (configuration section <c>Demo</c>).</summary>
internal sealed class DemoOptionsValidator : IValidateOptions<DemoOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        var failures = new List<string>();
        const string s = DemoOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.ShopCode))
        {
            failures.Add($"{s}:ShopCode must not be empty.");
        }

        if (options.SandboxPort is < 0 or > 65535)
        {
            failures.Add($"{s}:SandboxPort must be between 0 (a free port) and 65535 (it is {options.SandboxPort}).");
        }

        if (!(options.SandboxRestoreRate > 0))
        {
            failures.Add($"{s}:SandboxRestoreRate must be positive (it is {options.SandboxRestoreRate}).");
        }

        if (!(options.SandboxBucketSize > 0))
        {
            failures.Add($"{s}:SandboxBucketSize must be positive (it is {options.SandboxBucketSize}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
