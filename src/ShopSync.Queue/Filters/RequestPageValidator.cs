namespace ShopSync.Queue.Filters;

/// <summary>
/// Validates a whole request page input, collecting every problem (each naming its field) rather than
/// stopping at the first. A field or option named twice is rejected, not combined, so that a
/// caller never gets a silently narrower filter than they wrote.
/// </summary>
internal static class RequestPageValidator
{
    public static bool TryValidate(
        RequestPageDefinition definition,
        IEnumerable<(string Field, string Expression)> filters,
        IEnumerable<(string Name, string Value)> options,
        out RequestPageFilters? result,
        out IReadOnlyList<FilterProblem> problems)
    {
        var found = new List<FilterProblem>();
        var parsed = ValidateFilters(definition, filters, found);
        var values = ValidateOptions(definition, options, found);
        problems = found;
        result = found.Count == 0 ? new RequestPageFilters(definition, parsed, values) : null;
        return result is not null;
    }

    private static List<FieldFilter> ValidateFilters(
        RequestPageDefinition definition, IEnumerable<(string Field, string Expression)> filters, List<FilterProblem> problems)
    {
        var parsed = new List<FieldFilter>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = -1;
        foreach (var (name, expression) in filters)
        {
            index++;
            var field = definition.FindField(name ?? string.Empty);
            if (field is null)
            {
                problems.Add(Unknown(FilterProblemKind.Filter, definition, name ?? string.Empty, definition.Fields) with { Index = index });
                continue;
            }

            if (!seen.Add(field.Name))
            {
                // Reported at the repeat, not at the first occurrence (which is fine on its own).
                problems.Add(new FilterProblem(
                    FilterProblemKind.Filter, field.Name, null,
                    $"filter \"{field.Name}\": given more than once; combine the expressions with & or | instead") { Index = index });
                continue;
            }

            try
            {
                parsed.Add(FieldFilter.Parse(field, expression ?? string.Empty));
            }
            catch (FilterValidationException error)
            {
                foreach (var problem in error.Problems)
                {
                    problems.Add(problem with { Index = index });
                }
            }
        }

        return parsed;
    }

    private static List<RequestPageOptionValue> ValidateOptions(
        RequestPageDefinition definition, IEnumerable<(string Name, string Value)> options, List<FilterProblem> problems)
    {
        var values = new List<RequestPageOptionValue>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = -1;
        foreach (var (name, value) in options)
        {
            index++;
            var option = definition.FindOption(name ?? string.Empty);
            if (option is null)
            {
                problems.Add(Unknown(FilterProblemKind.Option, definition, name ?? string.Empty, definition.Options) with { Index = index });
            }
            else if (!seen.Add(option.Name))
            {
                problems.Add(new FilterProblem(
                    FilterProblemKind.Option, option.Name, null, $"option \"{option.Name}\": given more than once") { Index = index });
            }
            else if (RequestPageOptionParser.TryParse(option, value ?? string.Empty, out var parsed, out var error))
            {
                values.Add(parsed);
            }
            else
            {
                problems.Add(new FilterProblem(FilterProblemKind.Option, option.Name, null, $"option \"{option.Name}\": {error}") { Index = index });
            }
        }

        return values;
    }

    private static FilterProblem Unknown(
        FilterProblemKind kind, RequestPageDefinition definition, string name, IReadOnlyList<RequestPageField> valid)
    {
        var what = kind == FilterProblemKind.Filter ? "field" : "option";
        var list = valid.Count == 0 ? "(none)" : string.Join(", ", valid.Select(f => f.Name));
        // A name far longer than any declared one has no near match: no edit-distance work on it.
        var suggestion = name.Length > Entries.RequestLimits.NameLength ? null : NameSuggester.Closest(name, valid.Select(f => f.Name));
        var hint = suggestion is null ? string.Empty : $" (did you mean \"{suggestion}\"?)";
        return new FilterProblem(
            kind, name, null, $"unknown {what} \"{Entries.RequestLimits.Quote(name)}\" for report {definition.DisplayName}{hint}; valid {what}s: {list}");
    }
}
