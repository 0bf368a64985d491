using System.Globalization;
using System.Text;

namespace ShopSync.Storage.Queries;

/// <summary>
/// What a ListJobs search text matches, shared by the drivers: a LIKE pattern over description, created_by, error
/// message and filters (wildcards in the text escaped with <see cref="Escape"/>), and the entry's id or entry number
/// when the text is one.
/// </summary>
internal sealed record JobTextSearch(string Pattern, Guid? Id, long? EntryNo)
{
    /// <summary>The LIKE escape character the patterns use.</summary>
    public const char Escape = '\\';

    /// <summary>The columns the pattern is matched against.</summary>
    public static readonly string[] Columns = ["description", "created_by", "error_message", "filters"];

    /// <summary>The search, or null for an empty (or blank) text.</summary>
    public static JobTextSearch? Parse(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var pattern = new StringBuilder(trimmed.Length + 2).Append('%');
        foreach (var c in trimmed)
        {
            if (c is '%' or '_' or Escape)
            {
                pattern.Append(Escape);
            }

            pattern.Append(c);
        }

        var number = trimmed.TrimStart('#');
        return new JobTextSearch(
            pattern.Append('%').ToString(),
            Guid.TryParse(trimmed, out var id) ? id : null,
            long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var entryNo) ? entryNo : null);
    }

    /// <summary>The upper-cased shop codes of a scope, for a case-insensitive <c>upper(shop_code)</c> match.</summary>
    public static string[] ShopKeys(IReadOnlyCollection<string> shops) => shops.Select(s => s.Trim().ToUpperInvariant()).Distinct().ToArray();
}
