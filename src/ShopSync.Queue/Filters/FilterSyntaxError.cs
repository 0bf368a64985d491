namespace ShopSync.Queue.Filters;

/// <summary>
/// Internal signal from the parser: a message without the field prefix and the 1-based position.
/// Turned into a <see cref="FilterProblem"/> by whoever knows the field.
/// </summary>
internal sealed class FilterSyntaxError(string detail, int? position) : Exception(detail)
{
    public string Detail { get; } = detail;

    public int? Position { get; } = position;
}
