namespace ShopSync.Queue.Filters;

/// <summary>A filterable field or an option of a request page.</summary>
/// <param name="Name">The declared name, e.g. "Fully Paid"; matched case-insensitively.</param>
/// <param name="Type">The value type.</param>
/// <param name="OptionValues">For <see cref="FilterFieldType.Option"/>: the allowed values in order; otherwise empty.</param>
/// <param name="Description">What the field means, for front-ends; may be empty.</param>
public sealed record RequestPageField(
    string Name,
    FilterFieldType Type,
    IReadOnlyList<string> OptionValues,
    string Description)
{
    /// <summary>Finds a declared option value case-insensitively; -1 when it is not declared.</summary>
    public int IndexOfOptionValue(string value)
    {
        for (var i = 0; i < OptionValues.Count; i++)
        {
            if (string.Equals(OptionValues[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    internal string ValidOptionsText => string.Join(", ", OptionValues);
}
