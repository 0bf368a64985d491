namespace ShopSync.Queue.Entries;

/// <summary>A filter on one request-page field in ERP filter syntax, stored as given (parsed by the Filters module).</summary>
/// <param name="Field">The field name as the task's request page declares it.</param>
/// <param name="Expression">The filter expression, e.g. <c>Paid|Partially Paid</c>.</param>
public sealed record RequestPageFilter(string Field, string Expression);
