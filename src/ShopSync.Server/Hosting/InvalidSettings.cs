using Microsoft.Extensions.Options;

namespace ShopSync.Server.Hosting;

/// <summary>Turns the start-up validation's exceptions into one line naming every bad setting.</summary>
internal static class InvalidSettings
{
    /// <summary>The failures, when <paramref name="error"/> is only option validation (one option or several); else null.</summary>
    public static string? Describe(Exception error)
    {
        IEnumerable<Exception> parts = error is AggregateException aggregate ? aggregate.InnerExceptions : [error];
        var failures = new List<string>();
        foreach (var part in parts)
        {
            if (part is not OptionsValidationException invalid)
            {
                return null;
            }

            failures.AddRange(invalid.Failures);
        }

        return failures.Count == 0 ? null : string.Join(" ", failures);
    }
}
