namespace ShopSync.Queue.Filters;

/// <summary>
/// An interval a handler can push down into a query. Values are typed like record values
/// (string, long, decimal, bool, DateOnly, DateTimeOffset, option name); a null end is open.
/// </summary>
public sealed record FilterRange(object? Low, bool LowInclusive, object? High, bool HighInclusive);
