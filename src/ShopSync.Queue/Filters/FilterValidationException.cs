namespace ShopSync.Queue.Filters;

/// <summary>
/// Thrown when request-page filters or options are invalid. <see cref="Exception.Message"/> joins every
/// problem with "; " and suits an INVALID_ARGUMENT status as it is.
/// </summary>
public sealed class FilterValidationException : Exception
{
    /// <summary>Creates the exception from at least one problem.</summary>
    public FilterValidationException(IReadOnlyList<FilterProblem> problems)
        : base(string.Join("; ", problems.Select(p => p.Message)))
    {
        if (problems.Count == 0)
        {
            throw new ArgumentException("at least one problem is required", nameof(problems));
        }

        Problems = problems;
    }

    /// <summary>Every problem found, in input order.</summary>
    public IReadOnlyList<FilterProblem> Problems { get; }

    /// <summary>The first problem.</summary>
    public FilterProblem First => Problems[0];
}
