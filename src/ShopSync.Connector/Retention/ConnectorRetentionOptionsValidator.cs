using Microsoft.Extensions.Options;

namespace ShopSync.Connector.Retention;

/// <summary>Rejects retention settings that would delete what is still needed, at start.</summary>
internal sealed class ConnectorRetentionOptionsValidator : IValidateOptions<ConnectorRetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorRetentionOptions options)
    {
        const string s = ConnectorRetentionOptions.SectionName;
        var failures = new List<string>();
        if (options.Calls <= TimeSpan.Zero)
        {
            failures.Add($"{s}:Calls must be positive, e.g. 7.00:00:00 (it is {options.Calls}).");
        }

        if (options.FailedCalls < options.Calls)
        {
            failures.Add($"{s}:FailedCalls must be at least {s}:Calls ({options.Calls}); it is {options.FailedCalls}.");
        }

        // Shopify retries a delivery for up to 48 hours; forgetting it sooner lets a retry queue a second sync.
        if (options.WebhookDeliveries < TimeSpan.FromHours(48))
        {
            failures.Add($"{s}:WebhookDeliveries must be at least 2.00:00:00, Shopify's retry span (it is {options.WebhookDeliveries}).");
        }

        if (options.BatchSize is < 1 or > 5000)
        {
            failures.Add($"{s}:BatchSize must be between 1 and 5000 (it is {options.BatchSize}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
