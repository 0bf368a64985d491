namespace ShopSync.Queue.Filters;

/// <summary>What a problem is about.</summary>
public enum FilterProblemKind
{
    /// <summary>A filter (field + expression).</summary>
    Filter = 0,

    /// <summary>An option (name + value).</summary>
    Option = 1,
}

/// <summary>One problem found while validating request-page filters or options.</summary>
/// <param name="Kind">Filter or option.</param>
/// <param name="Name">The field or option name, in declared spelling when known, else as given.</param>
/// <param name="Position">1-based column in the expression, or null when the problem is not at a position.</param>
/// <param name="Message">The full message, e.g. <c>filter "Order No.": unexpected '..' at position 6</c>.</param>
public sealed record FilterProblem(FilterProblemKind Kind, string Name, int? Position, string Message)
{
    /// <summary>The 0-based index of the filter or option in the request, when the problem is about one of them.</summary>
    public int? Index { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Message;
}
