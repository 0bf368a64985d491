using System.Text;
using ShopSync.Storage.Queries;

namespace ShopSync.Storage.Postgres;

/// <summary>The search text and shop scope conditions of entry queries, as PostgreSQL SQL with positional parameters.</summary>
internal static class PgJobConditions
{
    /// <summary>Adds the search: ILIKE over the text columns, and the id and entry number when the text is one.</summary>
    public static void AddSearch(StringBuilder sql, List<object?> values, string? text)
    {
        if (JobTextSearch.Parse(text) is not { } search)
        {
            return;
        }

        values.Add(search.Pattern);
        var pattern = values.Count;
        sql.Append(" AND (");
        var first = true;
        foreach (var column in JobTextSearch.Columns)
        {
            sql.Append(first ? "" : " OR ").Append(column).Append(" ILIKE $").Append(pattern).Append(" ESCAPE '").Append(JobTextSearch.Escape).Append('\'');
            first = false;
        }

        if (search.Id is { } id)
        {
            values.Add(id);
            sql.Append(" OR id = $").Append(values.Count);
        }

        if (search.EntryNo is { } entryNo)
        {
            values.Add(entryNo);
            sql.Append(" OR entry_no = $").Append(values.Count);
        }

        sql.Append(')');
    }

    /// <summary>Restricts to the scope's shops (none: nothing matches); null: every shop.</summary>
    public static void AddShops(StringBuilder sql, List<object?> values, IReadOnlyCollection<string>? shops)
    {
        if (shops is null)
        {
            return;
        }

        values.Add(JobTextSearch.ShopKeys(shops));
        sql.Append(" AND upper(shop_code) = ANY($").Append(values.Count).Append(')');
    }
}
