namespace ShopSync.Queue.Filters;

/// <summary>Parses an option value by the option's type. An empty value means "unset".</summary>
internal static class RequestPageOptionParser
{
    public static bool TryParse(RequestPageField option, string text, out RequestPageOptionValue value, out string error)
    {
        error = string.Empty;
        var trimmed = text.Trim();
        value = new RequestPageOptionValue(option, null, string.Empty);
        if (trimmed.Length == 0)
        {
            return true;
        }

        if (option.Type is FilterFieldType.Text)
        {
            value = new RequestPageOptionValue(option, text, text);
            return true;
        }

        if (!FilterLiterals.TryParse(option.Type, trimmed, out var parsed, out _))
        {
            error = $"'{trimmed}' {FilterLiterals.NotA(option.Type)}";
            return false;
        }

        switch (option.Type)
        {
            case FilterFieldType.Code:
                parsed = trimmed.ToUpperInvariant();
                break;
            case FilterFieldType.Option:
                var index = option.IndexOfOptionValue(trimmed);
                if (index < 0)
                {
                    error = $"'{trimmed}' is not an option; valid: {option.ValidOptionsText}";
                    return false;
                }

                parsed = option.OptionValues[index];
                break;
        }

        var canonical = parsed is string s ? s : FilterLiterals.Format(parsed);
        value = new RequestPageOptionValue(option, parsed, canonical);
        return true;
    }
}
