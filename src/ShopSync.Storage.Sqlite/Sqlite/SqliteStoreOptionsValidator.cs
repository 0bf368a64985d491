using Microsoft.Extensions.Options;

namespace ShopSync.Storage.Sqlite;

/// <summary>
/// Rejects out-of-range store settings at start instead of clamping them quietly (configuration section
/// <c>Storage:Sqlite</c>).
/// </summary>
internal sealed class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>
{
    public const string SectionName = "Storage:Sqlite";

    public ValidateOptionsResult Validate(string? name, SqliteStoreOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("The SQLite connection string (ConnectionStrings:ShopSync) must not be empty.");
        }

        if (options.WriterCacheMegabytes is < 1 or > 1024)
        {
            failures.Add($"{SectionName}:WriterCacheMegabytes must be between 1 and 1024 (it is {options.WriterCacheMegabytes}).");
        }

        if (options.MaxBatchSize < 1)
        {
            failures.Add($"{SectionName}:MaxBatchSize must be at least 1 (it is {options.MaxBatchSize}).");
        }

        if (options.WalAutoCheckpointPages < 1)
        {
            failures.Add($"{SectionName}:WalAutoCheckpointPages must be at least 1 (it is {options.WalAutoCheckpointPages}; 0 would let the WAL grow without bound).");
        }

        if (options.BusyTimeoutSeconds < 1)
        {
            failures.Add($"{SectionName}:BusyTimeoutSeconds must be at least 1 (it is {options.BusyTimeoutSeconds}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
