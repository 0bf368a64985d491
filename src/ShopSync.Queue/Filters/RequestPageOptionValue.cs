namespace ShopSync.Queue.Filters;

/// <summary>A validated option value.</summary>
/// <param name="Option">The declared option.</param>
/// <param name="Value">
/// Typed value: bool, long, decimal, string (Text; Code upper-cased; Option in declared spelling),
/// DateOnly or DateTimeOffset; null when the value was given empty (unset, overrides a default when merged).
/// </param>
/// <param name="Text">The canonical text of the value ("" when unset), for storing and for the wire.</param>
public sealed record RequestPageOptionValue(RequestPageField Option, object? Value, string Text)
{
    /// <summary>The declared option name.</summary>
    public string Name => Option.Name;

    /// <summary>True when the value was given empty.</summary>
    public bool IsUnset => Value is null;
}
