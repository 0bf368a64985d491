using System.Text;
using Microsoft.Data.Sqlite;
using ShopSync.Storage.Queries;

namespace ShopSync.Storage.Sqlite;

/// <summary>The search text and shop scope conditions of entry queries, as SQLite SQL with named parameters.</summary>
internal static class SqliteJobConditions
{
    /// <summary>
    /// Adds the search: LIKE is case-insensitive for ASCII letters in SQLite (the default pragma), and the id and
    /// entry number match exactly when the text is one.
    /// </summary>
    public static void AddSearch(SqliteCommand command, StringBuilder sql, string? text)
    {
        if (JobTextSearch.Parse(text) is not { } search)
        {
            return;
        }

        command.Parameters.AddWithValue("@text", search.Pattern);
        sql.Append(" AND (");
        var first = true;
        foreach (var column in JobTextSearch.Columns)
        {
            sql.Append(first ? "" : " OR ").Append(column).Append(" LIKE @text ESCAPE '").Append(JobTextSearch.Escape).Append('\'');
            first = false;
        }

        if (search.Id is { } id)
        {
            sql.Append(" OR id = @textId");
            command.Parameters.AddWithValue("@textId", id.ToByteArray());
        }

        if (search.EntryNo is { } entryNo)
        {
            sql.Append(" OR entry_no = @textNo");
            command.Parameters.AddWithValue("@textNo", entryNo);
        }

        sql.Append(')');
    }

    /// <summary>Restricts to the scope's shops (none: nothing matches); null: every shop.</summary>
    public static void AddShops(SqliteCommand command, StringBuilder sql, IReadOnlyCollection<string>? shops)
    {
        if (shops is null)
        {
            return;
        }

        var keys = JobTextSearch.ShopKeys(shops);
        if (keys.Length == 0)
        {
            sql.Append(" AND 0");
            return;
        }

        sql.Append(" AND upper(shop_code) IN (");
        for (var i = 0; i < keys.Length; i++)
        {
            sql.Append(i == 0 ? "@scope" : ", @scope").Append(i);
            command.Parameters.AddWithValue("@scope" + i, keys[i]);
        }

        sql.Append(')');
    }
}
