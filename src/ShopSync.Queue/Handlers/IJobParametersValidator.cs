using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Handlers;

/// <summary>
/// A hook other modules (request-page filters) register to validate filters and options when an entry is queued or
/// its parameters change. Throw <see cref="Errors.JobValidationException"/> naming the field
/// (<c>filters[i].expression</c>, <c>options[i].name</c>).
/// </summary>
public interface IJobParametersValidator
{
    /// <summary>Validates the parameters of an entry for the given report.</summary>
    void Validate(int reportId, IReadOnlyList<RequestPageFilter> filters, IReadOnlyList<RequestPageOption> options);
}
