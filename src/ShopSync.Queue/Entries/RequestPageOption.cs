namespace ShopSync.Queue.Entries;

/// <summary>A request-page option (a single value, e.g. "Only Sync Prices" = "true").</summary>
/// <param name="Name">The option name.</param>
/// <param name="Value">The option value as text.</param>
public sealed record RequestPageOption(string Name, string Value);
