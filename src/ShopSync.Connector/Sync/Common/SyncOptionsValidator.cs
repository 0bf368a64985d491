using Microsoft.Extensions.Options;

namespace ShopSync.Connector.Sync;

/// <summary>Rejects out-of-range sync settings at start (configuration section <c>Sync</c>).</summary>
internal sealed class SyncOptionsValidator : IValidateOptions<SyncOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        var failures = new List<string>();
        const string s = SyncOptions.SectionName;
        if (options.OrdersPageSize is < 0 or > 250)
        {
            failures.Add($"{s}:OrdersPageSize must be between 0 (the default) and 250 (it is {options.OrdersPageSize}).");
        }

        if (options.CreateSalesOrdersBatchSize < 1)
        {
            failures.Add($"{s}:CreateSalesOrdersBatchSize must be at least 1 (it is {options.CreateSalesOrdersBatchSize}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
